using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// The append-only change log behind every user's snapshot: a follow appends one small entry,
/// whatever the size of the graph, and a snapshot now and then lets older entries go.
/// </summary>
/// <remarks>
/// Sequence numbers of one user are dense and only ever grow; an append succeeds only if no entry
/// at that number or later exists, which is what stops a stale activation from writing over a
/// newer one (it gets <see cref="Orleans.Storage.InconsistentStateException"/>).
/// </remarks>
public interface IGraphJournal
{
    /// <summary>The user's entries after <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<JournalRecord>> ReadAfterAsync(long userId, long afterSequence);

    /// <summary>
    /// Stores the entry at <paramref name="sequence"/>, durably, or throws; and, in the same
    /// transaction, appends <paramref name="changes"/> to the durable change log.
    /// </summary>
    /// <returns>The change log positions given to <paramref name="changes"/>, in their order.</returns>
    Task<long[]> AppendAsync(long userId, long sequence, GraphJournalEntry entry, bool deliveryPending, IReadOnlyList<GraphChange> changes);

    /// <summary>Deletes the entries before <paramref name="sequence"/>, which a stored snapshot covers.</summary>
    /// <param name="deliveredThrough">
    /// Entries up to this one are delivered, whatever their stored marks say (the grain knows before
    /// its batched acknowledgements are stored); later ones still marked pending stay for the
    /// sweeper. <see cref="long.MaxValue"/> deletes them all (erasure).
    /// </param>
    /// <param name="erasedChangesBefore">
    /// The user's own erasure: also delete the user's change log entries before this position
    /// (the erasure's own entry). 0 deletes none.
    /// </param>
    Task DeleteBeforeAsync(long userId, long sequence, long deliveredThrough, long erasedChangesBefore = 0);

    /// <summary>
    /// Records that every delivery of entries up to <paramref name="sequence"/> is done, and
    /// deletes those of them that compaction kept only because they were pending.
    /// </summary>
    /// <param name="snapshotSequence">The sequence of the user's stored snapshot: entries before it are no longer needed.</param>
    Task AcknowledgeDeliveriesAsync(long userId, long sequence, long snapshotSequence);

    /// <summary>Users with deliveries pending for longer than <paramref name="age"/> (after a crash, say).</summary>
    Task<long[]> FindPendingDeliveriesAsync(TimeSpan age, int limit);
}
