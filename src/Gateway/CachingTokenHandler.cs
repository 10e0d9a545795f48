using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;

namespace UserGraph.Gateway;

/// <summary>
/// Remembers tokens that passed validation, so a client that sends the same bearer token on
/// every request pays for parsing and the signature check once, not on every request.
/// </summary>
/// <remarks>
/// Safe because the key is the whole token, signature included: only a byte-identical token
/// that already passed full validation is accepted from the cache, and only until its own
/// expiry time. Failed validations are never cached. The cache belongs to one options instance,
/// so changed keys or issuers (new options) start from an empty cache. Bounded in entries.
/// </remarks>
internal sealed class CachingTokenHandler(TokenHandler inner, int capacity, TimeProvider time) : TokenHandler, IDisposable
{
    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = capacity });

    /// <summary>
    /// A copy of the identity of <paramref name="token"/> if it passed validation before and has
    /// not expired, so the bearer handler can be skipped altogether (see <see cref="JwtBearerSetup"/>).
    /// </summary>
    public bool TryGetValidated(string token, [NotNullWhen(true)] out ClaimsIdentity? identity)
    {
        identity = _validated.TryGetValue(token, out CachedValidation? cached) && cached!.Expires > time.GetUtcNow()
            ? cached.Identity.Clone()
            : null;
        return identity is not null;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_validated.TryGetValue(token, out CachedValidation? cached) && cached!.Expires > time.GetUtcNow())
        {
            // A copy, so that nothing one request does to its identity leaks into another request.
            return new TokenValidationResult
            {
                IsValid = true,
                ClaimsIdentity = cached.Identity.Clone(),
                SecurityToken = cached.Token,
                Issuer = cached.Issuer,
                TokenType = cached.TokenType,
            };
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.ClaimsIdentity is not null && result.SecurityToken is { } securityToken)
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(securityToken.ValidTo, DateTimeKind.Utc));
            if (expires > time.GetUtcNow())
            {
                _validated.Set(
                    token,
                    new CachedValidation(result.ClaimsIdentity.Clone(), securityToken, result.Issuer, result.TokenType, expires),
                    new MemoryCacheEntryOptions { AbsoluteExpiration = expires, Size = 1 });
            }
        }

        return result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public void Dispose() => _validated.Dispose();

    private sealed record CachedValidation(
        ClaimsIdentity Identity, SecurityToken Token, string? Issuer, string? TokenType, DateTimeOffset Expires);
}
