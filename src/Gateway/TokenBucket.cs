namespace UserGraph.Gateway;

/// <summary>
/// One caller's token bucket: up to <see cref="Burst"/> tokens, refilled continuously at
/// <see cref="PerSecond"/>, worked out from the time of each take rather than by a timer, so an
/// idle bucket costs nothing until it is asked again.
/// </summary>
/// <remarks>
/// Times are <see cref="TimeProvider"/> timestamps. Tokens are counted in whole timestamp units
/// (a token is <c>frequency</c> of them, and a second refills <c>PerSecond</c> units per unit of
/// time), so refills and waits are exact integers: a caller told to retry after a wait gets its
/// token then, not a rounding error short of it.
/// </remarks>
internal sealed class TokenBucket
{
    private readonly Lock _lock = new();
    private long _units;
    private long _refilledAt;
    private readonly long _frequency;

    public TokenBucket(int perSecond, int burst, long now, long frequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequency);
        PerSecond = perSecond;
        Burst = burst;
        _frequency = frequency;
        _units = Capacity;
        _refilledAt = now;
    }

    public int PerSecond { get; }

    public int Burst { get; }

    private long Capacity => Burst * _frequency;

    /// <summary>
    /// Takes <paramref name="count"/> tokens at <paramref name="now"/> if the bucket holds them;
    /// otherwise takes nothing and says how long until it would.
    /// </summary>
    public bool TryTake(int count, long now, out TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Burst);
        lock (_lock)
        {
            Refill(now);
            // Zero tokens asked is a question: "could one be had now?" (RateLimiter's convention).
            var wanted = Math.Max(count, 1) * _frequency;
            if (_units >= wanted)
            {
                _units -= count * _frequency;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            var wait = (wanted - _units + PerSecond - 1) / PerSecond;
            retryAfter = TimeSpan.FromTicks((long)(((Int128)wait * TimeSpan.TicksPerSecond + _frequency - 1) / _frequency));
            return false;
        }
    }

    /// <summary>Whether the bucket is full at <paramref name="now"/>: nothing need remember a caller that idle.</summary>
    public bool IsFullAt(long now)
    {
        lock (_lock)
        {
            Refill(now);
            return _units >= Capacity;
        }
    }

    public long AvailableAt(long now)
    {
        lock (_lock)
        {
            Refill(now);
            return _units / _frequency;
        }
    }

    private void Refill(long now)
    {
        // A clock read before the last refill (another thread's, a moment older) adds nothing.
        if (now <= _refilledAt)
        {
            return;
        }

        var elapsed = now - _refilledAt;
        var missing = Capacity - _units;
        // Compared before multiplying: a long idle times the rate could overflow.
        _units = elapsed >= (missing + PerSecond - 1) / PerSecond ? Capacity : _units + elapsed * PerSecond;
        _refilledAt = now;
    }
}
