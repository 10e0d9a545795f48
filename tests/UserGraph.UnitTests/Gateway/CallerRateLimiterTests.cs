using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using UserGraph.Gateway;

namespace UserGraph.UnitTests.Gateway;

/// <summary>The gateway's rate limit: a bucket per user or, without a token, per address.</summary>
public class CallerRateLimiterTests
{
    private static readonly RateLimitSettings Settings = new()
    {
        UserPermitsPerSecond = 1,
        UserBurst = 2,
        AddressPermitsPerSecond = 1,
        AddressBurst = 1,
    };

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Each_user_has_a_bucket_of_their_own_and_a_refusal_says_when_to_retry()
    {
        using var limiter = new CallerRateLimiter(Settings, _time);
        Assert.True(limiter.AttemptAcquire(User(1)).IsAcquired);
        Assert.True(limiter.AttemptAcquire(User(1)).IsAcquired);

        using var refused = limiter.AttemptAcquire(User(1));
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);

        Assert.True(limiter.AttemptAcquire(User(2)).IsAcquired);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.AttemptAcquire(User(1)).IsAcquired);
    }

    [Fact]
    public async Task Requests_without_a_valid_token_share_their_address_bucket_and_never_a_user_one()
    {
        using var limiter = new CallerRateLimiter(Settings, _time);
        Assert.True((await limiter.AcquireAsync(Anonymous("10.0.0.1"))).IsAcquired);
        Assert.False((await limiter.AcquireAsync(Anonymous("10.0.0.1"))).IsAcquired);
        Assert.True((await limiter.AcquireAsync(Anonymous("10.0.0.2"))).IsAcquired);
        // A token whose subject is not a user id counts as no token.
        Assert.False((await limiter.AcquireAsync(WithSubject("admin", "10.0.0.1"))).IsAcquired);
        Assert.True((await limiter.AcquireAsync(WithSubject("7", "10.0.0.1"))).IsAcquired);
    }

    [Fact]
    public void The_sweep_forgets_callers_whose_bucket_is_full_again_and_keeps_the_rest()
    {
        using var limiter = new CallerRateLimiter(Settings, _time);
        limiter.AttemptAcquire(User(1)).Dispose();
        limiter.AttemptAcquire(User(2)).Dispose();
        _time.Advance(TimeSpan.FromSeconds(0.5));
        limiter.AttemptAcquire(User(2)).Dispose();
        limiter.AttemptAcquire(User(2)).Dispose();
        Assert.Equal(2, limiter.TrackedCallers);

        // User 1 took one of two a second ago: full again. User 2 took three (the third refused)
        // and holds one of two: kept, with what it has left.
        _time.Advance(TimeSpan.FromSeconds(0.5));
        limiter.Sweep();
        Assert.Equal(1, limiter.TrackedCallers);
        Assert.True(limiter.AttemptAcquire(User(2)).IsAcquired);
        Assert.False(limiter.AttemptAcquire(User(2)).IsAcquired);
    }

    [Fact]
    public void The_sweep_runs_by_itself_every_sweep_period()
    {
        using var limiter = new CallerRateLimiter(Settings, _time);
        foreach (var user in Enumerable.Range(1, 100))
        {
            limiter.AttemptAcquire(User(user)).Dispose();
        }

        Assert.Equal(100, limiter.TrackedCallers);
        _time.Advance(CallerRateLimiter.SweepPeriod);
        Assert.Equal(0, limiter.TrackedCallers);
    }

    private static HttpContext User(long userId) => WithSubject(userId.ToString(System.Globalization.CultureInfo.InvariantCulture), "10.0.0.9");

    private static HttpContext WithSubject(string subject, string address)
    {
        var http = Anonymous(address);
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimsPrincipalExtensions.SubjectClaim, subject)], "Bearer"));
        return http;
    }

    private static HttpContext Anonymous(string address)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return http;
    }
}
