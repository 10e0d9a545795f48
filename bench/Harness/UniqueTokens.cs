using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UserGraph.Bench.Harness;

/// <summary>
/// The unique-token workload's data file: COUNT lines of "token id", every token different (its
/// own jti) though its subject is one of the seeded callers, so that what is measured is token
/// validation on every request, not grain activation.
/// </summary>
public static class UniqueTokens
{
    public static async Task WriteAsync(string signingKey, int users, int count, string path)
    {
        var handler = new JsonWebTokenHandler();
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), SecurityAlgorithms.HmacSha256);
        var expires = DateTime.UtcNow.AddHours(6);
        var callers = Math.Min(users, 10_000);
        var lines = new string[count];
        Parallel.For(0, count, i =>
        {
            var token = handler.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = "user-graph-bench",
                Audience = "user-graph",
                Claims = new Dictionary<string, object> { ["sub"] = (i % callers + 1).ToString(), ["jti"] = i.ToString() },
                Expires = expires,
                SigningCredentials = credentials,
            });
            lines[i] = $"{token} {(i * 7919L) % users + 1}";
        });
        await File.WriteAllLinesAsync(path, lines, new UTF8Encoding(false));
        Console.WriteLine($"unique-tokens {count} tokens for {callers} callers");
    }
}
