using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using UserGraph.Gateway;

namespace UserGraph.UnitTests.Gateway;

public class CachingTokenHandlerTests
{
    private static readonly TokenValidationParameters Parameters = new()
    {
        ValidIssuer = TestJwt.Issuer,
        ValidAudience = TestJwt.Audience,
        IssuerSigningKey = new SymmetricSecurityKey(TestJwt.SigningKey),
        ClockSkew = TimeSpan.Zero,
    };

    [Fact]
    public async Task A_token_is_verified_twice_then_served_from_the_cache_as_a_copy()
    {
        var inner = new CountingHandler();
        using var handler = new CachingTokenHandler(inner, capacity: 10, TimeProvider.System);
        var token = TestJwt.For(7);

        var first = await handler.ValidateTokenAsync(token, Parameters);
        Assert.False(handler.TryGetValidated(token, Trusted, out _));
        var second = await handler.ValidateTokenAsync(token, Parameters);
        var third = await handler.ValidateTokenAsync(token, Parameters);
        var fourth = await handler.ValidateTokenAsync(token, Parameters);

        Assert.True(first.IsValid && second.IsValid && third.IsValid && fourth.IsValid);
        Assert.Equal(2, inner.Validations);
        Assert.Equal("7", fourth.ClaimsIdentity.FindFirst("sub")!.Value);
        Assert.NotSame(third.ClaimsIdentity, fourth.ClaimsIdentity);
    }

    [Fact]
    public async Task Tokens_used_once_each_are_never_kept()
    {
        var inner = new CountingHandler();
        using var handler = new CachingTokenHandler(inner, capacity: 1000, TimeProvider.System);
        var tokens = Enumerable.Range(1, 200).Select(i => TestJwt.For(i)).ToArray();

        foreach (var token in tokens)
        {
            Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        }

        Assert.All(tokens, token => Assert.False(handler.TryGetValidated(token, Trusted, out _)));
    }

    [Fact]
    public async Task Invalid_tokens_are_never_cached()
    {
        var inner = new CountingHandler();
        using var handler = new CachingTokenHandler(inner, capacity: 10, TimeProvider.System);
        var forged = TestJwt.Create("7", key: new byte[32]);

        Assert.False((await handler.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.False((await handler.ValidateTokenAsync(forged, Parameters)).IsValid);
        Assert.Equal(2, inner.Validations);
    }

    [Fact]
    public async Task A_cached_token_stops_being_accepted_when_it_expires()
    {
        var inner = new CountingHandler();
        using var handler = new CachingTokenHandler(inner, capacity: 10, TimeProvider.System);
        var token = TestJwt.Create("7", expires: DateTime.UtcNow.AddSeconds(2));

        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.False((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.Equal(2, inner.Validations);
    }

    [Fact]
    public async Task Only_a_token_that_passed_validation_and_has_not_expired_is_found_for_the_short_path()
    {
        using var handler = new CachingTokenHandler(new CountingHandler(), capacity: 10, TimeProvider.System);
        var token = TestJwt.Create("7", expires: DateTime.UtcNow.AddSeconds(2));
        var forged = TestJwt.Create("7", key: new byte[32]);

        Assert.False(handler.TryGetValidated(token, Trusted, out _));
        await handler.ValidateTokenAsync(token, Parameters);
        await handler.ValidateTokenAsync(token, Parameters);
        await handler.ValidateTokenAsync(forged, Parameters);
        await handler.ValidateTokenAsync(forged, Parameters);

        Assert.True(handler.TryGetValidated(token, Trusted, out var identity));
        Assert.Equal("7", identity.FindFirst("sub")!.Value);
        Assert.False(handler.TryGetValidated(forged, Trusted, out _));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.False(handler.TryGetValidated(token, Trusted, out _));
    }

    [Fact]
    public async Task A_cached_token_stops_being_accepted_once_the_key_that_verified_it_is_no_longer_trusted()
    {
        var inner = new CountingHandler();
        using var handler = new CachingTokenHandler(inner, capacity: 10, TimeProvider.System);
        var token = TestJwt.For(7);
        var rotated = Parameters.Clone();
        rotated.IssuerSigningKey = new SymmetricSecurityKey(TestJwt.SigningKey);

        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.True(handler.TryGetValidated(token, Trusted, out _));

        // The same key material under a new key object (keys fetched again) is not the key that verified it.
        Assert.False(handler.TryGetValidated(token, [rotated.IssuerSigningKey], out _));
        Assert.False(handler.TryGetValidated(token, [], out _));
        Assert.True((await handler.ValidateTokenAsync(token, rotated)).IsValid);
        Assert.Equal(3, inner.Validations);
        rotated.IssuerSigningKey = new SymmetricSecurityKey(new byte[32]);
        Assert.False((await handler.ValidateTokenAsync(token, rotated)).IsValid);
    }

    private static IEnumerable<SecurityKey> Trusted => CachingTokenHandler.TrustedKeys(Parameters);

    /// <summary>The real handler, counting how often it is asked.</summary>
    private sealed class CountingHandler : JsonWebTokenHandler
    {
        public int Validations { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Validations++;
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }
}
