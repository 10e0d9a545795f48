namespace UserGraph.Grains;

/// <summary>
/// One per cluster (key 0): periodically wakes the users whose journals still mark mirrors as
/// pending long after they were written, which only happens when the owner's silo died or the
/// other user's grain or storage kept failing. Internal to the service.
/// </summary>
// The alias of its first release: the wire name stays when the type is renamed.
[Alias("UserGraph.IPeerSyncSweeperGrain")]
public interface IMirrorSweeperGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the sweeper's reminder (idempotent; every silo calls it on start).</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>One sweep now; returns how many users were woken.</summary>
    [Alias("Sweep")]
    Task<int> SweepAsync();
}
