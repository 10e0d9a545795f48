using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// A minimal OpenID Connect issuer on a local port: a discovery document and a JWKS whose keys the
/// test publishes and withdraws, and RS256 tokens signed with them.
/// </summary>
public sealed class LocalOidcIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile RsaSecurityKey[] _published = [];
    private int _keyFetches;

    private LocalOidcIssuer(WebApplication app) => _app = app;

    /// <summary>The issuer and Authority: <c>http://127.0.0.1:port</c>.</summary>
    public string Authority => _app.Urls.Single();

    /// <summary>How often the JWKS was fetched.</summary>
    public int KeyFetches => Volatile.Read(ref _keyFetches);

    public static async Task<LocalOidcIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new LocalOidcIssuer(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer.Authority,
            ["jwks_uri"] = issuer.Authority + "/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref issuer._keyFetches);
            return Results.Json(new { keys = issuer._published.Select(PublicJwk).ToArray() });
        });
        await app.StartAsync();
        return issuer;
    }

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>From now on the JWKS lists exactly these keys.</summary>
    public void Publish(params RsaSecurityKey[] keys) => _published = keys;

    public string Token(long subject, RsaSecurityKey key, Dictionary<string, object>? headers = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = TestJwt.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = subject.ToString() },
            Expires = DateTime.UtcNow.AddMinutes(10),
            AdditionalHeaderClaims = headers,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

    private static Dictionary<string, string> PublicJwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
        };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
