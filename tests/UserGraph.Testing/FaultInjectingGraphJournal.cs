using UserGraph.Grains.Interfaces;
using UserGraph.Grains;

namespace UserGraph.Testing;

/// <summary>Wraps the real journal and fails every write (or read) of the users <see cref="StorageFaults"/> names.</summary>
public sealed class FaultInjectingGraphJournal(IGraphJournal inner) : IGraphJournal
{
    public Task<IReadOnlyList<JournalRecord>> ReadAfterAsync(long userId, long afterSequence) =>
        StorageFaults.ReadsFail(userId)
            ? Task.FromException<IReadOnlyList<JournalRecord>>(new InjectedStorageFaultException(userId))
            : inner.ReadAfterAsync(userId, afterSequence);

    public async Task<long[]> AppendAsync(long userId, long sequence, GraphJournalEntry entry, bool deliveryPending, IReadOnlyList<GraphChange> changes)
    {
        if (StorageFaults.WritesHeld(userId) is { } held)
        {
            await held;
            throw new InjectedStorageFaultException(userId);
        }

        if (StorageFaults.WritesSlowed(userId) is { } slowed)
        {
            await slowed;
        }

        return StorageFaults.WritesFail(userId)
            ? throw new InjectedStorageFaultException(userId)
            : await inner.AppendAsync(userId, sequence, entry, deliveryPending, changes);
    }

    public Task DeleteBeforeAsync(long userId, long sequence, long deliveredThrough, long erasedChangesBefore = 0) =>
        StorageFaults.WritesFail(userId)
            ? Task.FromException(new InjectedStorageFaultException(userId))
            : inner.DeleteBeforeAsync(userId, sequence, deliveredThrough, erasedChangesBefore);

    public Task AcknowledgeDeliveriesAsync(long userId, long sequence, long snapshotSequence) =>
        StorageFaults.WritesFail(userId)
            ? Task.FromException(new InjectedStorageFaultException(userId))
            : inner.AcknowledgeDeliveriesAsync(userId, sequence, snapshotSequence);

    public Task<long[]> FindPendingDeliveriesAsync(TimeSpan age, int limit) => inner.FindPendingDeliveriesAsync(age, limit);
}
