namespace UserGraph.Grains;

/// <summary>How reverse-view deliveries are retried, bound from the <c>Graph:PeerSync</c> section.</summary>
public sealed class PeerSyncOptions
{
    public const string SectionName = "Graph:PeerSync";

    /// <summary>
    /// Period of the cluster's sweep for deliveries still pending after a crash or a long outage,
    /// and how old a pending delivery must be before the sweep wakes its user. A durable reminder:
    /// Orleans refuses periods under its minimum (one minute by default).
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>First delay before retrying a failed delivery while the grain is active.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest delay between in-memory retries (they double up to this).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);
}
