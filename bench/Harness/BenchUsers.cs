using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UserGraph.Bench.Harness;

/// <summary>The ids the measurements beside the load workloads use, out of the callers' range.</summary>
public static class BenchUsers
{
    /// <summary>Users with 1,000 followings that nothing touches before the cold-read measurement.</summary>
    public const int ColdCount = 1000;

    /// <summary>Follower counts of the users that gain new followers in the bytes-per-follow measurement.</summary>
    public static readonly int[] FollowedSizes = [10, 10_000, 1_000_000];

    /// <summary>The seeded followers of those users (they have no rows of their own: only the count matters).</summary>
    public const long SeededFollowersBase = 50_000_000;

    public static long Cold(int index) => 20_000_000 + index;

    public static long Followed(int sizeIndex) => 30_000_000 + sizeIndex;

    /// <summary>A new follower of the user of <paramref name="sizeIndex"/>: never seen before.</summary>
    public static long NewFollower(int sizeIndex, int index) => 100_000_000 + sizeIndex * 10_000_000L + index;

    public static string Token(string signingKey, long userId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "user-graph-bench",
        Audience = "user-graph",
        Claims = new Dictionary<string, object> { ["sub"] = userId.ToString() },
        Expires = DateTime.UtcNow.AddHours(6),
        SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), SecurityAlgorithms.HmacSha256),
    });
}
