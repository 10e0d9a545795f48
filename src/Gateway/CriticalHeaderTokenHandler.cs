using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UserGraph.Gateway;

/// <summary>
/// Refuses a token whose <c>crit</c> header names extensions that must be understood (RFC 7515
/// §4.1.11): this service understands none, and the stock handlers accept such tokens.
/// </summary>
internal sealed class CriticalHeaderTokenHandler(TokenHandler inner) : TokenHandler
{
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var result = await inner.ValidateTokenAsync(token, validationParameters);
        return result.IsValid && result.SecurityToken is JsonWebToken jwt && jwt.TryGetHeaderValue<object>("crit", out _)
            ? new TokenValidationResult
            {
                IsValid = false,
                Exception = new SecurityTokenException("The token's crit header names extensions this service does not understand."),
            }
            : result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);
}
