using UserGraph.Grains;

namespace UserGraph.Tests.Infrastructure;

/// <summary>Wraps the real journal and fails every write of the users <see cref="StorageFaults"/> names.</summary>
public sealed class FaultInjectingGraphJournal(IGraphJournal inner) : IGraphJournal
{
    public Task<IReadOnlyList<JournalRecord>> ReadAfterAsync(long userId, long afterSequence) =>
        inner.ReadAfterAsync(userId, afterSequence);

    public Task AppendAsync(long userId, long sequence, GraphJournalEntry entry, bool deliveryPending) =>
        StorageFaults.WritesFail(userId)
            ? Task.FromException(new InjectedStorageFaultException(userId))
            : inner.AppendAsync(userId, sequence, entry, deliveryPending);

    public Task DeleteBeforeAsync(long userId, long sequence, bool keepPendingDeliveries) =>
        StorageFaults.WritesFail(userId)
            ? Task.FromException(new InjectedStorageFaultException(userId))
            : inner.DeleteBeforeAsync(userId, sequence, keepPendingDeliveries);

    public Task AcknowledgeDeliveriesAsync(long userId, long sequence, long snapshotSequence) =>
        StorageFaults.WritesFail(userId)
            ? Task.FromException(new InjectedStorageFaultException(userId))
            : inner.AcknowledgeDeliveriesAsync(userId, sequence, snapshotSequence);

    public Task<long[]> FindPendingDeliveriesAsync(TimeSpan age, int limit) => inner.FindPendingDeliveriesAsync(age, limit);
}
