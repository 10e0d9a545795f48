using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UserGraph.Testing;

/// <summary>Real signed tokens for the gateway tests, and the settings that trust them.</summary>
public static class TestJwt
{
    public const string Issuer = "user-graph-tests";
    public const string Audience = "user-graph";

    public static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The same configuration shape as <c>dotnet user-jwts</c> writes.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Authentication:Schemes:Bearer:ValidIssuer", Issuer),
        new("Authentication:Schemes:Bearer:ValidAudiences:0", Audience),
        new("Authentication:Schemes:Bearer:SigningKeys:0:Issuer", Issuer),
        new("Authentication:Schemes:Bearer:SigningKeys:0:Value", Convert.ToBase64String(SigningKey)),
    ];

    public static string For(long userId) => Create(userId.ToString());

    /// <summary>An operator's token: the <c>graph:admin</c> scope the admin endpoints require.</summary>
    public static string Operator() =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new System.Security.Claims.ClaimsIdentity([new("sub", "1"), new("scope", "profile graph:admin")]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(SigningKey), SecurityAlgorithms.HmacSha256),
        });

    public static string Create(
        string? subject,
        string issuer = Issuer,
        string audience = Audience,
        byte[]? key = null,
        DateTime? expires = null,
        Dictionary<string, object>? headers = null)
    {
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(10);
        var claims = new Dictionary<string, object>();
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expiry.AddHours(-1),
            NotBefore = expiry.AddHours(-1),
            Expires = expiry,
            AdditionalHeaderClaims = headers,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An otherwise valid token with <c>"alg": "none"</c> and no signature.</summary>
    public static string Unsigned(long userId)
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var header = Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var payload = Base64Url($"{{\"sub\":\"{userId}\",\"iss\":\"{Issuer}\",\"aud\":\"{Audience}\",\"exp\":{expires}}}");
        return $"{header}.{payload}.";
    }

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
