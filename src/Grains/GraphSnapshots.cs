using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace UserGraph.Grains;

/// <summary>
/// One user's snapshot and the journal entries it folds: when a new snapshot is due, writing it
/// in the background, outside the write queue, and deleting the entries it covers once their
/// mirrors are acknowledged (entries whose mirrors are still pending stay, so a crash cannot hide
/// them from the sweeper). Erasure replaces the snapshot in the write queue instead.
/// </summary>
/// <remarks>Runs on the grain's scheduler, like the <see cref="GraphPersistence"/> that owns it.</remarks>
public sealed partial class GraphSnapshots(
    long userId,
    IGraphJournal journal,
    IPersistentState<UserGraphSnapshot> snapshot,
    GraphJournalOptions options,
    IGraphPersistenceOwner owner,
    ILogger logger)
{
    private long _sequence;
    // The furthest entry whose mirrors were acknowledged. Compaction deletes up to it even while
    // the acknowledgement is still on its way to storage (where it would name the older snapshot,
    // and could only clear marks, leaving the entries until the next snapshot; for an idle user, for good).
    private long _acknowledgedThrough;
    private Task _write = Task.CompletedTask;

    /// <summary>Journal entries stored after the snapshot.</summary>
    public int EntriesSince { get; private set; }

    /// <summary>
    /// The snapshot as Orleans loaded it on activation, which the state object then lets go of:
    /// the view holds what matters of it, and the state is only filled again to write one.
    /// </summary>
    public UserGraphSnapshot TakeLoaded()
    {
        var stored = snapshot.State;
        snapshot.State = UserGraphSnapshot.Released;
        return stored;
    }

    /// <summary>Reads the snapshot from storage again, once a snapshot being written is done.</summary>
    public async Task<UserGraphSnapshot> ReadAgainAsync()
    {
        await _write;
        await snapshot.ReadStateAsync();
        return TakeLoaded();
    }

    /// <summary>Where storage stands after a read: the snapshot's entry, and how many entries follow it.</summary>
    public void Recovered(long snapshotSequence, int entriesSince)
    {
        _sequence = snapshotSequence;
        EntriesSince = entriesSince;
    }

    /// <summary>Counts an entry stored after the snapshot.</summary>
    public void EntryStored() => EntriesSince++;

    /// <summary>Starts a snapshot of <paramref name="current"/> when one is due and none is being written.</summary>
    /// <param name="current">The durable view and its entry, read again for each snapshot taken.</param>
    public void StartIfDue(Func<(UserGraphState View, long Sequence)> current)
    {
        if (_write.IsCompleted && IsDue(current().View))
        {
            _write = WriteWhileDueAsync(current);
        }
    }

    /// <summary>Records that every mirror of entries up to <paramref name="sequence"/> is delivered.</summary>
    public Task AcknowledgeAsync(long sequence)
    {
        _acknowledgedThrough = Math.Max(_acknowledgedThrough, sequence);
        return journal.AcknowledgeDeliveriesAsync(userId, sequence, _sequence);
    }

    /// <summary>Completes when no snapshot is being written.</summary>
    public Task WhenIdleAsync() => _write;

    /// <summary>
    /// Erasure: <paramref name="view"/> becomes the snapshot at <paramref name="sequence"/> (the
    /// erasure's own entry), and every older entry is deleted, whatever its marks, so that no trace
    /// of what was erased is left; changes before <paramref name="erasedChangesBefore"/> leave the
    /// change log too. Throws when storage fails, and then changes nothing here.
    /// </summary>
    public async Task ReplaceAsync(UserGraphState view, MirrorOutbox outbox, long sequence, long erasedChangesBefore)
    {
        snapshot.State = UserGraphSnapshot.From(view, outbox, sequence);
        await snapshot.WriteStateAsync();
        snapshot.State = UserGraphSnapshot.Released;
        await journal.DeleteBeforeAsync(userId, sequence, deliveredThrough: long.MaxValue, erasedChangesBefore);
        Recovered(sequence, 0);
    }

    private bool IsDue(UserGraphState view) => options.IsSnapshotDue(EntriesSince, view.EdgeCount);

    /// <summary>
    /// Entries written while a snapshot was being stored can make the next one due at once; it
    /// is taken then, not at the next write, which after a burst may never come, leaving the
    /// burst's entries for every activation to replay.
    /// </summary>
    private async Task WriteWhileDueAsync(Func<(UserGraphState View, long Sequence)> current)
    {
        bool stored;
        do
        {
            var (view, sequence) = current();
            stored = await WriteAsync(view, sequence, current);
        }
        while (stored && IsDue(current().View));
    }

    /// <returns>Whether the snapshot was stored.</returns>
    private async Task<bool> WriteAsync(UserGraphState view, long sequence, Func<(UserGraphState View, long Sequence)> current)
    {
        try
        {
            snapshot.State = UserGraphSnapshot.From(view, owner.Outbox, sequence);
            await snapshot.WriteStateAsync();
            snapshot.State = UserGraphSnapshot.Released;
            _sequence = sequence;
            EntriesSince = (int)(current().Sequence - sequence);
            await journal.DeleteBeforeAsync(userId, sequence, deliveredThrough: _acknowledgedThrough);
            return true;
        }
        catch (Exception exception)
        {
            // The journal still holds every change; the next due snapshot tries again.
            LogSnapshotFailed(logger, exception, userId);
            if (exception is InconsistentStateException)
            {
                owner.OnBroken();
            }

            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: writing a snapshot failed; the journal keeps every change")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, long userId);
}
