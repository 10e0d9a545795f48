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

    /// <summary>Follower counts of the targets of the followers-you-know measurement.</summary>
    public static readonly int[] KnownTargetSizes = [100, 10_000, 1_000_000];

    /// <summary>Followings of its callers: one follows every 1,000th seeded follower, one all of the largest target's.</summary>
    public static readonly int[] KnownCallerSizes = [1_000, 1_000_000];

    public static long Cold(int index) => 20_000_000 + index;

    public static long KnownTarget(int sizeIndex) => 40_000_000 + sizeIndex;

    public static long KnownCaller(int sizeIndex) => 40_000_100 + sizeIndex;

    /// <summary>The seeded followings of a known-followers caller, ascending.</summary>
    public static long[] KnownCallerFollowings(int sizeIndex) =>
        sizeIndex == 0
            ? [.. Enumerable.Range(0, KnownCallerSizes[0]).Select(k => SeededFollowersBase + (k * 1000L))]
            : SeededFollowers(KnownCallerSizes[sizeIndex]);

    /// <summary>The first <paramref name="count"/> seeded followers, ascending.</summary>
    public static long[] SeededFollowers(int count) => [.. Enumerable.Range(0, count).Select(f => SeededFollowersBase + f)];

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
