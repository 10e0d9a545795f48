using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UserGraph.Bench.Harness;

/// <summary>
/// The unique-token workload's data file: COUNT lines of "token id", every token different (its
/// own jti) though its subject is one of the seeded callers, so that what is measured is token
/// validation on every request, not grain activation. With CALLERS equal to USERS (the scale
/// step) every user has a line, in an order spread over the ids (a multiplicative permutation),
/// and a prefix keeps the jtis of two such files apart.
/// </summary>
public static class UniqueTokens
{
    public static async Task WriteAsync(string signingKey, int users, int count, string path, int? callerCount = null, string jtiPrefix = "")
    {
        var handler = new JsonWebTokenHandler();
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), SecurityAlgorithms.HmacSha256);
        var expires = DateTime.UtcNow.AddHours(6);
        var callers = callerCount ?? Math.Min(users, 10_000);
        // i -> i * 7,919 mod callers visits every caller once as long as the prime 7,919 does not
        // divide callers.
        if (callers % SubjectStride == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(callerCount), callers, $"a multiple of {SubjectStride} would repeat subjects");
        }

        var lines = new string[count];
        Parallel.For(0, count, i =>
        {
            var token = handler.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = "user-graph-bench",
                Audience = "user-graph",
                Claims = new Dictionary<string, object> { ["sub"] = Subject(i, callers).ToString(), ["jti"] = jtiPrefix + i },
                Expires = expires,
                SigningCredentials = credentials,
            });
            lines[i] = $"{token} {(i * 7919L) % users + 1}";
        });
        await File.WriteAllLinesAsync(path, lines, new UTF8Encoding(false));
        Console.WriteLine($"unique-tokens {count} tokens for {callers} callers");
    }

    private const long SubjectStride = 7919;

    private static long Subject(int line, int callers) => line % callers * SubjectStride % callers + 1;
}
