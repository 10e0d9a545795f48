namespace UserGraph.Grains;

/// <summary>
/// One per cluster (key 0): periodically wakes the users whose journals still mark deliveries to
/// peers as pending long after they were written, which only happens when the writer's silo
/// died or its peers' storage kept failing. Internal to the service.
/// </summary>
[Alias("UserGraph.IPeerSyncSweeperGrain")]
public interface IPeerSyncSweeperGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the sweeper's reminder (idempotent; every silo calls it on start).</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>One sweep now; returns how many users were woken.</summary>
    [Alias("Sweep")]
    Task<int> SweepAsync();
}
