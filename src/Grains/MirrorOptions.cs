namespace UserGraph.Grains;

/// <summary>How a write waits for, and retries, the mirror on the other user's side; bound from <c>Graph:Mirror</c>.</summary>
public sealed class MirrorOptions
{
    public const string SectionName = "Graph:Mirror";

    /// <summary>
    /// Longest a write waits for the other user's grain to store the mirror before it answers with
    /// the mirror pending. Only reached under a fault: the peer's grain or storage failing.
    /// </summary>
    public TimeSpan WaitBound { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First delay before sending a failed mirror again.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest delay between retries (they double up to this).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Period of the cluster's sweep for mirrors still pending after a crash or a long outage,
    /// and how old a pending mark must be before the sweep wakes its owner. A durable reminder:
    /// Orleans refuses periods under its minimum (one minute by default).
    /// </summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
