using Orleans.Storage;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Testing;

/// <summary>
/// <see cref="IGraphJournal"/> in memory, with the stored contract of the PostgreSQL one (dense
/// sequences, stale appends refused, pending marks), and appends that can be held back or made
/// to fail after they were stored: for unit tests of the grain's persistence without a database.
/// </summary>
public sealed class InMemoryGraphJournal : IGraphJournal
{
    private readonly SortedDictionary<(long User, long Sequence), (bool Pending, DateTime Written, GraphJournalEntry Entry)> _rows = [];
    private TaskCompletionSource? _held;
    private Queue<(long UserId, long Sequence, long SnapshotSequence, TaskCompletionSource Stored)>? _deferred;

    public int Appends { get; private set; }

    public List<long> Acknowledgements { get; } = [];

    /// <summary>The next appends store their rows but then fail, as a timeout after commit does.</summary>
    public int FailAfterStoring { get; set; }

    /// <summary>Appends wait until <see cref="Release"/>.</summary>
    public void Hold() => _held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release()
    {
        var held = _held;
        _held = null;
        held?.TrySetResult();
    }

    public IReadOnlyList<JournalRecord> Rows(long userId) =>
        [.. _rows.Where(r => r.Key.User == userId).Select(r => new JournalRecord(r.Key.Sequence, r.Value.Pending, r.Value.Entry))];

    public Task<IReadOnlyList<JournalRecord>> ReadAfterAsync(long userId, long afterSequence) =>
        Task.FromResult<IReadOnlyList<JournalRecord>>([.. Rows(userId).Where(r => r.Sequence > afterSequence)]);

    /// <summary>Every change appended, in order, as the change log would hold them.</summary>
    public List<GraphChange> Changes { get; } = [];

    public async Task<long[]> AppendAsync(long userId, long sequence, GraphJournalEntry entry, bool deliveryPending, IReadOnlyList<GraphChange> changes)
    {
        if (_held is { } held)
        {
            await held.Task;
        }

        Appends++;
        if (_rows.Keys.Any(k => k.User == userId && k.Sequence >= sequence))
        {
            throw new InconsistentStateException($"Journal entry {sequence} of user {userId} already exists or was superseded.");
        }

        _rows[(userId, sequence)] = (deliveryPending, DateTime.UtcNow, entry);
        var positions = new long[changes.Count];
        foreach (var (change, i) in changes.Select((c, i) => (c, i)))
        {
            Changes.Add(change with { Position = positions[i] = Changes.Count + 1 });
        }

        if (FailAfterStoring > 0)
        {
            FailAfterStoring--;
            throw new TimeoutException("The append was stored, but its answer was lost.");
        }

        return positions;
    }

    public Task DeleteBeforeAsync(long userId, long sequence, long deliveredThrough, long erasedChangesBefore = 0)
    {
        foreach (var key in _rows.Where(r => r.Key.User == userId && r.Key.Sequence < sequence && (!r.Value.Pending || r.Key.Sequence <= deliveredThrough)).Select(r => r.Key).ToList())
        {
            _rows.Remove(key);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Acknowledgements wait, in order, until <see cref="ApplyAcknowledgements"/>: the database
    /// journal stores them later, in batches, after whatever the grain did meanwhile.
    /// </summary>
    public void DeferAcknowledgements() => _deferred ??= new();

    public void ApplyAcknowledgements()
    {
        var deferred = _deferred;
        _deferred = null;
        while (deferred is not null && deferred.TryDequeue(out var acknowledgement))
        {
            Acknowledge(acknowledgement.UserId, acknowledgement.Sequence, acknowledgement.SnapshotSequence);
            acknowledgement.Stored.TrySetResult();
        }
    }

    public Task AcknowledgeDeliveriesAsync(long userId, long sequence, long snapshotSequence)
    {
        if (_deferred is not null)
        {
            var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _deferred.Enqueue((userId, sequence, snapshotSequence, stored));
            return stored.Task;
        }

        Acknowledge(userId, sequence, snapshotSequence);
        return Task.CompletedTask;
    }

    private void Acknowledge(long userId, long sequence, long snapshotSequence)
    {
        Acknowledgements.Add(sequence);
        foreach (var row in _rows.Where(r => r.Key.User == userId && r.Key.Sequence <= sequence).ToList())
        {
            if (row.Key.Sequence < snapshotSequence)
            {
                _rows.Remove(row.Key);
            }
            else
            {
                _rows[row.Key] = row.Value with { Pending = false };
            }
        }
    }

    public Task<long[]> FindPendingDeliveriesAsync(TimeSpan age, int limit) =>
        Task.FromResult(_rows.Where(r => r.Value.Pending && r.Value.Written < DateTime.UtcNow - age).Select(r => r.Key.User).Distinct().Take(limit).ToArray());
}
