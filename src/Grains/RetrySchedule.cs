namespace UserGraph.Grains;

/// <summary>
/// When a failing delivery is tried again: exponential backoff from <see cref="InitialDelay"/>,
/// doubling up to <see cref="MaxDelay"/>, each delay jittered by up to a fifth either way so that
/// many endpoints failing together do not retry together; after <see cref="GiveUpAfter"/> of
/// failing, the deliveries are dead-lettered.
/// </summary>
public sealed class RetrySchedule
{
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <param name="attempt">How many attempts failed so far, 1 or more.</param>
    /// <param name="jitter">A number in [0, 1).</param>
    public TimeSpan DelayAfter(int attempt, double jitter)
    {
        var doublings = Math.Clamp(attempt - 1, 0, 40);
        var baseTicks = Math.Min(InitialDelay.Ticks * Math.Pow(2, doublings), MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(baseTicks * (0.8 + (0.4 * Math.Clamp(jitter, 0, 1)))));
    }

    public bool IsExhausted(DateTimeOffset failingSince, DateTimeOffset now) => now - failingSince >= GiveUpAfter;
}
