using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;

namespace UserGraph.Gateway;

/// <summary>Rate limits (429 with Retry-After) and request timeouts (503), both answered as problems.</summary>
internal static class GatewayProtection
{
    public static IServiceCollection AddGatewayProtection(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter => limiter.OnRejected = RejectAsync);
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<GatewayOptions>>((limiter, gateway) =>
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, RateLimitPartitionKey>(
                Partitioner(gateway.Value.RateLimit)));
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<GatewayOptions>>((timeouts, gateway) =>
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = gateway.Value.RequestTimeout,
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = http => WriteProblemAsync(
                    http, StatusCodes.Status503ServiceUnavailable, "Request timed out", "Retry the request shortly.", retryAfterSeconds: 1),
            });
        return services;
    }

    /// <summary>The partition of every request; the bucket options are built once, not per request.</summary>
    private static Func<HttpContext, RateLimitPartition<RateLimitPartitionKey>> Partitioner(RateLimitSettings settings)
    {
        var user = Bucket(settings.UserPermitsPerSecond, settings.UserBurst);
        var address = Bucket(settings.AddressPermitsPerSecond, settings.AddressBurst);
        Func<RateLimitPartitionKey, TokenBucketRateLimiterOptions> userBucket = _ => user;
        Func<RateLimitPartitionKey, TokenBucketRateLimiterOptions> addressBucket = _ => address;
        return http => http.User.Identity?.IsAuthenticated == true
            && UserIds.TryParse(http.User.FindFirst(ClaimsPrincipalExtensions.SubjectClaim)?.Value, out var userId)
                ? RateLimitPartition.GetTokenBucketLimiter(RateLimitPartitionKey.ForUser(userId), userBucket)
                : RateLimitPartition.GetTokenBucketLimiter(RateLimitPartitionKey.ForAddress(http.Connection.RemoteIpAddress), addressBucket);
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : 1;
        return new ValueTask(WriteProblemAsync(
            context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"Slow down: retry after {retryAfter} s.", Math.Max(1, retryAfter)));
    }

    private static Task WriteProblemAsync(HttpContext http, int status, string title, string detail, int retryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ProblemResponses.WriteAsync(http, status, title, detail);
    }
}
