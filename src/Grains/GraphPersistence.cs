using Microsoft.Extensions.Logging;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// The persistence sequence of one user's graph: a queue of writes stored one journal entry at a
/// time, erasure, and re-reading storage after a failed write (snapshots are
/// <see cref="GraphSnapshots"/>' job). Owns
/// <see cref="Durable"/>, which only ever holds what this user's storage holds (a write is applied
/// to the next view, stored, and only then made current), and <see cref="View"/>, what readers see:
/// the durable view plus the mirrors shown before they are stored here.
/// </summary>
/// <remarks>
/// <para>
/// A mirror is another user's truth, already durable in that user's journal (marked there until
/// this user stores it), so showing it before this user stores it loses nothing: its owner sends
/// it again until it is stored. That takes the mirror's own journal entry off the path of the
/// owner's answer (<see cref="WriteMirror"/>). What is shown, and at which version, is
/// <see cref="ShownMirrors"/>' job.
/// </para>
/// <para>
/// Writes queued while an entry is being stored are applied together and stored as the next
/// entry, so a user many others act on at once (a celebrity gaining followers) writes a few
/// entries, not one per follower. Each write still sees every write queued before it.
/// </para>
/// <para>
/// Runs on the grain's scheduler, like the grain's own code, so it needs no locks; the grain calls
/// it from interleaved requests.
/// </para>
/// </remarks>
public sealed partial class GraphPersistence(
    long userId,
    IGraphJournal journal,
    IPersistentState<UserGraphSnapshot> snapshot,
    GraphJournalOptions options,
    IGraphPersistenceOwner owner,
    ILogger logger)
{
    // An entry names each peer it touched; this keeps one entry (and one statement row) small.
    private const int MaxWritesPerEntry = 256;
    // Far more versions than an activation could show unstored before a crash, far fewer than a
    // long can count activations by.
    private const long MaxActivationVersionStep = 1L << 20;

    private readonly GraphSnapshots _snapshots = new(userId, journal, snapshot, options, owner, logger);
    private Func<(UserGraphState View, long Sequence)>? _position;
    // Allocated on the first write: most active users only read.
    private Queue<GraphWrite>? _queue;
    private bool _writing;
    // Set when a write failed and storage could not be read again: the next write reads it first.
    private bool _positionUnknown;
    private Task _writer = Task.CompletedTask;
    private readonly ShownMirrors _readers = new(UserGraphState.Empty(userId));

    /// <summary>The latest durable view.</summary>
    public UserGraphState Durable { get; private set; } = UserGraphState.Empty(userId);

    /// <summary>What readers see: the durable view with the mirrors shown before they are stored.</summary>
    public UserGraphState View => _readers.View;

    /// <summary>The last journal entry stored.</summary>
    public long Sequence { get; private set; }

    /// <summary>
    /// Reads the snapshot's state (already loaded by Orleans) and the journal entries after it, on
    /// activation. The version then skips ahead by a random step: an activation that ended in a
    /// crash may have shown versions it never stored, and this one must not show the same
    /// numbers for other content (equal versions promise equal answers).
    /// </summary>
    public async Task<RecoveredGraph> LoadAsync()
    {
        var recovered = await ReadAsync(_snapshots.TakeLoaded());
        ShowDurable(recovered.View with { Version = recovered.View.Version + Random.Shared.NextInt64(1, MaxActivationVersionStep) }, []);
        return recovered;
    }

    /// <summary>Queues the write; completes once it is durable and visible, or fails with why it was not stored.</summary>
    public Task<StoredWrite> WriteAsync(GraphWrite write)
    {
        (_queue ??= new Queue<GraphWrite>()).Enqueue(write);
        if (!_writing)
        {
            _writing = true;
            _writer = WriteQueuedAsync();
        }

        return write.Stored;
    }

    /// <summary>
    /// Queues <paramref name="ownerId"/>'s truth toward this user as this user's mirror of it, and
    /// shows it to readers at once unless it is a block or would change this user's own facts.
    /// </summary>
    /// <returns>Whether readers see it now, and the write, which completes once it is stored here.</returns>
    public (bool Shown, Task<StoredWrite> Stored) WriteMirror(long ownerId, PeerEdges edges)
    {
        var write = GraphWrite.Mirror(ownerId, view => view.WithEdgesFrom(ownerId, edges));
        var shown = _readers.Show(ownerId, edges, write);
        return (shown, WriteAsync(write));
    }

    /// <summary>
    /// Completes once the mirrors shown so far are stored (or failed to be: under a fault a
    /// shown mirror is stored when its owner sends it again); at once when none is waiting.
    /// </summary>
    public async Task WhenShownStoredAsync()
    {
        if (!_readers.Any)
        {
            return;
        }

        try
        {
            await WriteAsync(GraphWrite.Nothing());
        }
        catch (Exception exception)
        {
            // Storage cannot be read: the caller reads what is stored, as it would without shown mirrors.
            LogShownStoreWaitFailed(logger, exception, userId);
        }
    }

    /// <summary>Records that every mirror of entries up to <paramref name="sequence"/> is delivered.</summary>
    public Task AcknowledgeMirrorsAsync(long sequence) => _snapshots.AcknowledgeAsync(sequence);

    /// <summary>
    /// Reads storage again if a failed write left the stored position unknown; throws while
    /// storage cannot be read. Goes through the write queue, so it never reloads under a write.
    /// </summary>
    public async Task EnsureCurrentAsync()
    {
        if (_positionUnknown)
        {
            await WriteAsync(GraphWrite.Nothing());
        }
    }

    /// <summary>Waits for the queued writes, the shown mirrors among them, and a snapshot being written (deactivation).</summary>
    public async Task FlushAsync()
    {
        await _writer;
        await _snapshots.WhenIdleAsync();
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<GraphWrite>();
        try
        {
            while (_queue!.TryPeek(out var first))
            {
                batch.Clear();
                if (_positionUnknown)
                {
                    await ReloadAsync();
                }

                if (first.Kind == GraphWriteKind.Erasure)
                {
                    batch.Add(_queue.Dequeue());
                    await EraseAsync(first);
                    continue;
                }

                while (batch.Count < MaxWritesPerEntry && _queue.TryPeek(out var next) && next.Kind != GraphWriteKind.Erasure)
                {
                    batch.Add(_queue.Dequeue());
                }

                await StoreAsync(batch);
            }
        }
        catch (Exception exception)
        {
            // Storage that still cannot be read after a failed write (no queued write could be
            // stored), or a bug: fail what is left rather than leave callers waiting forever.
            foreach (var write in batch.Concat(_queue!))
            {
                write.Fail(exception);
            }

            _queue!.Clear();
        }
        finally
        {
            _writing = false;
        }
    }

    private async Task StoreAsync(List<GraphWrite> batch)
    {
        var before = Durable;
        var next = before;
        var stored = new List<StoredWrite>(batch.Count);
        foreach (var write in batch)
        {
            try
            {
                var after = write.Apply(next);
                stored.Add(new StoredWrite(write, next, after));
                next = after;
            }
            catch (Exception refused)
            {
                write.Fail(refused);
            }
        }

        if (ReferenceEquals(next, before))
        {
            // Mirrors already held here retire their shown entries all the same.
            ShowDurable(before, batch);
            CompleteAll(stored);
            return;
        }

        var changed = stored.Where(s => s.Changed).ToList();
        var peers = changed.SelectMany(s => s.Write.Peers).Distinct().ToArray();
        var marked = changed.SelectMany(s => s.PeersToMirror).Distinct().ToArray();
        var entry = new GraphJournalEntry(
            next.Version,
            [.. peers.Select(next.FactsAbout)],
            MarksPeers: marked.Length > 0,
            MarkedPeers: marked.Length > 0 && marked.Length < peers.Length ? marked : null);
        GraphChange[] changes = [.. changed.SelectMany(s => s.Changes)];
        long[] positions;
        try
        {
            positions = await journal.AppendAsync(userId, Sequence + 1, entry, deliveryPending: marked.Length > 0, changes);
        }
        catch (Exception exception)
        {
            foreach (var write in stored)
            {
                write.Write.Fail(exception);
            }

            await ResynchronizeAsync();
            return;
        }

        Sequence++;
        _snapshots.EntryStored();
        ShowDurable(next, batch);
        await owner.OnStoredAsync(changed, GraphChanges.AtPositions(changes, positions), Sequence);
        CompleteAll(stored);
        _snapshots.StartIfDue(_position ??= () => (Durable, Sequence));
    }

    /// <summary>
    /// Erasure stores a new snapshot and deletes every older journal entry, so no trace of what it
    /// removed is left in storage. The marker entry claims the sequence number first, which a
    /// stale activation could not also claim.
    /// </summary>
    private async Task EraseAsync(GraphWrite write)
    {
        UserGraphState next;
        try
        {
            next = write.Apply(Durable);
        }
        catch (Exception refused)
        {
            write.Fail(refused);
            return;
        }

        var before = Durable;
        if (ReferenceEquals(next, before))
        {
            var unchanged = new StoredWrite(write, before, next);
            _readers.Forget(unchanged);
            ShowDurable(before, [write]);
            write.Complete(unchanged);
            return;
        }

        var sequence = Sequence + 1;
        var stored = new StoredWrite(write, before, next);
        long[] positions;
        try
        {
            await _snapshots.WhenIdleAsync();
            var outbox = owner.Outbox;
            positions = await journal.AppendAsync(
                userId, sequence, GraphJournalEntry.SnapshotMarker(next.Version), deliveryPending: !outbox.IsEmpty, stored.Changes);
            // The user's own erasure also removes the user's earlier changes from the change log; the
            // erasure's own entry stays, so that subscribers learn of it.
            await _snapshots.ReplaceAsync(next, outbox, sequence, stored.IsOwnErasure && positions.Length > 0 ? positions[^1] : 0);
        }
        catch (Exception exception)
        {
            write.Fail(exception);
            await ResynchronizeAsync();
            return;
        }

        Sequence = sequence;
        _readers.Forget(stored);
        ShowDurable(next, [write]);
        await owner.OnStoredAsync([stored], GraphChanges.AtPositions(stored.Changes, positions), sequence);
        write.Complete(stored);
    }

    /// <summary>
    /// A failed write may still have reached the database (a timeout after commit), and leaves
    /// the stored sequence unknown, so storage is read again. If even that fails (the database is
    /// down), the grain keeps serving the last view it knows was durable, and the next write reads
    /// storage first: reads of active users survive an outage, and no write is stored at a stale
    /// position.
    /// </summary>
    private async Task ResynchronizeAsync()
    {
        try
        {
            await ReloadAsync();
        }
        catch (Exception exception)
        {
            _positionUnknown = true;
            LogResynchronizationFailed(logger, exception, userId);
        }
    }

    private async Task ReloadAsync()
    {
        var recovered = await ReadAsync(await _snapshots.ReadAgainAsync());
        // Shown mirrors stay shown: they are durable at their owners, which send them again.
        Durable = _readers.Reloaded(recovered.View);
        owner.OnReloaded(recovered);
        _positionUnknown = false;
    }

    private async Task<RecoveredGraph> ReadAsync(UserGraphSnapshot stored)
    {
        var records = await journal.ReadAfterAsync(userId, stored.JournalSequence);
        var recovered = JournalReplay.Recover(userId, stored, records);
        Sequence = recovered.Sequence;
        _snapshots.Recovered(stored.JournalSequence, recovered.EntriesSinceSnapshot);
        return recovered;
    }

    /// <summary>Makes <paramref name="durable"/>, after <paramref name="stored"/>, the durable view, and shows it with the mirrors still to be stored.</summary>
    private void ShowDurable(UserGraphState durable, IReadOnlyCollection<GraphWrite> stored) =>
        Durable = _readers.Rebase(durable, stored);

    private static void CompleteAll(List<StoredWrite> stored)
    {
        foreach (var write in stored)
        {
            write.Write.Complete(write);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "User {UserId}: waiting for shown mirrors to be stored failed")]
    private static partial void LogShownStoreWaitFailed(ILogger logger, Exception exception, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: re-reading state after a failed write failed; serving the last durable view, the next write reads again")]
    private static partial void LogResynchronizationFailed(ILogger logger, Exception exception, long userId);
}
