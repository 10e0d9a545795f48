using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace UserGraph.Gateway;

/// <summary>
/// The gateway's rate limit: a <see cref="TokenBucket"/> per authenticated user and, for requests
/// without a valid token, per client address (<see cref="RateLimitPartitionKey"/>).
/// </summary>
/// <remarks>
/// Not <c>PartitionedRateLimiter.Create</c>: its partitions share one lock that every request takes,
/// and every 100 ms its timer walks all of them to refill each bucket, copying the list under that
/// lock whenever a caller was new. With a million users each calling now and then, that was work
/// for every caller of the last 10 s, ten times a second. Here a bucket refills from the time of
/// each take, lookups share no lock, and a sweep every <see cref="SweepPeriod"/> forgets callers
/// whose bucket is full again (idle long enough that a new bucket is the same).
/// </remarks>
internal sealed class CallerRateLimiter : PartitionedRateLimiter<HttpContext>
{
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<RateLimitPartitionKey, TokenBucket> _buckets = new();
    private readonly RateLimitSettings _settings;
    private readonly TimeProvider _time;
    private readonly ITimer _sweep;

    public CallerRateLimiter(RateLimitSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        _sweep = time.CreateTimer(_ => Sweep(), null, SweepPeriod, SweepPeriod);
    }

    /// <summary>Callers with a bucket now (for tests and the curious).</summary>
    public int TrackedCallers => _buckets.Count;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) =>
        _buckets.TryGetValue(RateLimitPartitionKey.For(resource), out var bucket)
            ? new RateLimiterStatistics { CurrentAvailablePermits = bucket.AvailableAt(_time.GetTimestamp()) }
            : null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        var key = RateLimitPartitionKey.For(resource);
        var now = _time.GetTimestamp();
        var bucket = _buckets.GetOrAdd(key, static (key, state) => state.limiter.NewBucket(key, state.now), (limiter: this, now));
        return bucket.TryTake(permitCount, now, out var retryAfter)
            ? TokenBucketLease.Granted
            : TokenBucketLease.Refused(retryAfter);
    }

    // No queue: a request over its limit is refused at once, as with a queue limit of 0.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        new(AttemptAcquireCore(resource, permitCount));

    /// <summary>Forgets every caller whose bucket is full again.</summary>
    /// <remarks>
    /// A request that found a bucket just before it was forgotten still takes its token from it;
    /// the caller's next request starts a new, full bucket. The bucket was full, so the caller
    /// gains at most that one token.
    /// </remarks>
    public void Sweep()
    {
        var now = _time.GetTimestamp();
        foreach (var entry in _buckets)
        {
            if (entry.Value.IsFullAt(now))
            {
                _buckets.TryRemove(entry);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sweep.Dispose();
        }

        base.Dispose(disposing);
    }

    private TokenBucket NewBucket(RateLimitPartitionKey key, long now) => key.IsUser
        ? new TokenBucket(_settings.UserPermitsPerSecond, _settings.UserBurst, now, _time.TimestampFrequency)
        : new TokenBucket(_settings.AddressPermitsPerSecond, _settings.AddressBurst, now, _time.TimestampFrequency);
}
