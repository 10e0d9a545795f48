using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>What <see cref="GraphPersistence"/> needs from the grain that owns it.</summary>
public interface IGraphPersistenceOwner
{
    /// <summary>The mirrors not delivered yet, written into every snapshot.</summary>
    MirrorOutbox Outbox { get; }

    /// <summary>
    /// Called with the writes of each stored entry, in order, before any of their callers
    /// resumes and before the next entry is written: where the grain marks mirrors for delivery
    /// and publishes change events, so events follow the order of storage. Must not throw.
    /// </summary>
    /// <param name="changes">The writes' change events, with the change log positions they were stored at.</param>
    Task OnStoredAsync(IReadOnlyList<StoredWrite> writes, IReadOnlyList<GraphChange> changes, long sequence);

    /// <summary>The graph was read again from storage after a failed write.</summary>
    void OnReloaded(RecoveredGraph recovered);

    /// <summary>Storage can no longer be trusted to match memory: the activation should end.</summary>
    void OnBroken();
}
