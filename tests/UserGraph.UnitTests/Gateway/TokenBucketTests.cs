using CsCheck;
using UserGraph.Gateway;

namespace UserGraph.UnitTests.Gateway;

/// <summary>The bucket behind the gateway's rate limit: refilled by the clock, not by a timer.</summary>
public class TokenBucketTests
{
    private const long Frequency = TimeSpan.TicksPerSecond;

    private static long Seconds(double seconds) => (long)(seconds * Frequency);

    [Fact]
    public void A_new_bucket_gives_its_burst_at_once_then_refuses_with_the_wait_for_the_next_token()
    {
        var bucket = new TokenBucket(perSecond: 2, burst: 3, now: 0, frequency: Frequency);
        Assert.True(bucket.TryTake(1, 0, out _));
        Assert.True(bucket.TryTake(1, 0, out _));
        Assert.True(bucket.TryTake(1, 0, out _));

        Assert.False(bucket.TryTake(1, 0, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(0.5), retryAfter);
        Assert.False(bucket.TryTake(1, Seconds(0.4), out _));
        Assert.True(bucket.TryTake(1, Seconds(0.5), out _));
    }

    [Fact]
    public void An_idle_bucket_refills_to_its_burst_and_no_further()
    {
        var bucket = new TokenBucket(perSecond: 10, burst: 5, now: 0, frequency: Frequency);
        Assert.True(bucket.TryTake(5, 0, out _));
        Assert.False(bucket.IsFullAt(Seconds(0.49)));
        Assert.True(bucket.IsFullAt(Seconds(0.5)));

        Assert.True(bucket.TryTake(5, Seconds(100), out _));
        Assert.False(bucket.TryTake(1, Seconds(100), out _));
    }

    [Fact]
    public void Asking_for_zero_tokens_says_whether_one_could_be_had_and_takes_nothing()
    {
        var bucket = new TokenBucket(perSecond: 1, burst: 1, now: 0, frequency: Frequency);
        Assert.True(bucket.TryTake(0, 0, out _));
        Assert.True(bucket.TryTake(1, 0, out _));
        Assert.False(bucket.TryTake(0, 0, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }

    [Fact]
    public void A_clock_read_older_than_the_last_take_refills_nothing()
    {
        var bucket = new TokenBucket(perSecond: 1, burst: 1, now: Seconds(10), frequency: Frequency);
        Assert.True(bucket.TryTake(1, Seconds(10), out _));
        Assert.False(bucket.TryTake(1, Seconds(9), out _));
        Assert.False(bucket.TryTake(1, Seconds(10.5), out _));
        Assert.True(bucket.TryTake(1, Seconds(11), out _));
    }

    [Fact]
    public void More_than_the_burst_at_once_is_an_error_not_a_wait()
    {
        var bucket = new TokenBucket(perSecond: 1, burst: 2, now: 0, frequency: Frequency);
        Assert.Throws<ArgumentOutOfRangeException>(() => bucket.TryTake(3, 0, out _));
    }

    [Fact]
    public void Over_any_run_of_takes_no_more_is_granted_than_the_burst_plus_the_rate_times_the_time()
    {
        // Steps: wait this many milliseconds, then ask for this many tokens.
        var steps = Gen.Select(Gen.Int[0, 1500], Gen.Int[0, 4]).Array[1, 200];
        Gen.Select(Gen.Int[1, 20], Gen.Int[1, 20], steps).Sample((perSecond, burstExtra, run) =>
        {
            var burst = Math.Max(4, burstExtra);
            var bucket = new TokenBucket(perSecond, burst, now: 0, frequency: Frequency);
            long now = 0;
            long granted = 0;
            foreach (var (waitMs, count) in run)
            {
                now += Seconds(waitMs / 1000.0);
                if (bucket.TryTake(count, now, out var retryAfter))
                {
                    granted += count;
                }
                else
                {
                    Assert.True(retryAfter > TimeSpan.Zero);
                }

                var allowed = burst + (double)now / Frequency * perSecond;
                Assert.True(granted <= allowed + 1e-6, $"granted {granted} in {now / (double)Frequency} s, allowed {allowed}");
            }
        });
    }

    [Fact]
    public void A_refused_take_succeeds_once_its_retry_after_has_passed()
    {
        Gen.Select(Gen.Int[1, 50], Gen.Int[1, 50], Gen.Int[0, 3000]).Sample((perSecond, burst, drainMs) =>
        {
            var bucket = new TokenBucket(perSecond, burst, now: 0, frequency: Frequency);
            var now = Seconds(drainMs / 1000.0);
            while (bucket.TryTake(1, now, out _))
            {
            }

            Assert.False(bucket.TryTake(1, now, out var retryAfter));
            Assert.True(bucket.TryTake(1, now + (long)Math.Ceiling(retryAfter.TotalSeconds * Frequency), out _));
        });
    }
}
