using Microsoft.Extensions.Logging.Abstractions;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Grains;

/// <summary>
/// <see cref="GraphSnapshots"/> alone: the test appends the journal entries itself and says which
/// view and entry are current, on a scheduler that runs one piece of work at a time.
/// </summary>
public class GraphSnapshotsTests
{
    private readonly long _user = TestUsers.NewId();
    private readonly DeterministicScheduler _scheduler = new();
    private readonly InMemoryGraphJournal _journal = new();
    private readonly InMemoryPersistentState<UserGraphSnapshot> _snapshot;
    private readonly GraphSnapshots _snapshots;
    private UserGraphState _view;
    private long _sequence;

    public GraphSnapshotsTests()
    {
        _snapshot = new InMemoryPersistentState<UserGraphSnapshot>(_user);
        _snapshots = new GraphSnapshots(
            _user, _journal, _snapshot, new GraphJournalOptions { MinEntriesBetweenSnapshots = 3 }, new IdleGraphPersistenceOwner(), NullLogger.Instance);
        _view = UserGraphState.Empty(_user);
    }

    private (UserGraphState View, long Sequence) Current() => (_view, _sequence);

    /// <summary>Stores the next entry (a follow of <paramref name="peer"/>), as the write queue would, and starts a snapshot if due.</summary>
    private async Task StoreEntryAsync(long peer, bool marked = false)
    {
        _view = _view.WithFollowing(peer, true);
        await _journal.AppendAsync(_user, ++_sequence, new GraphJournalEntry(_view.Version, [_view.FactsAbout(peer)], marked), marked, []);
        _scheduler.Run(() =>
        {
            _snapshots.EntryStored();
            _snapshots.StartIfDue(Current);
        });
    }

    private long[] Rows() => [.. _journal.Rows(_user).Select(row => row.Sequence)];

    [Fact]
    public async Task A_due_snapshot_folds_the_entries_and_deletes_them_but_those_still_marked_until_acknowledged()
    {
        await StoreEntryAsync(2, marked: true);
        await StoreEntryAsync(3);
        Assert.Equal(0, _snapshot.Writes);

        await StoreEntryAsync(4);
        await _scheduler.Run(_snapshots.WhenIdleAsync);

        Assert.Equal(3, _snapshot.Stored.JournalSequence);
        Assert.Equal([2L, 3L, 4L], _snapshot.Stored.Followings);
        Assert.Equal(0, _snapshots.EntriesSince);
        // The entry at the snapshot stays (the delete is of older ones); the marked one waits.
        Assert.Equal([1L, 3L], Rows());

        await _scheduler.Run(() => _snapshots.AcknowledgeAsync(1));
        Assert.Equal([3L], Rows());
    }

    [Fact]
    public async Task An_acknowledgement_still_on_its_way_to_storage_lets_the_next_snapshot_delete_what_it_covers()
    {
        _journal.DeferAcknowledgements();
        await StoreEntryAsync(2, marked: true);
        var acknowledged = _scheduler.Run(() => _snapshots.AcknowledgeAsync(1));

        await StoreEntryAsync(3);
        await StoreEntryAsync(4);
        await _scheduler.Run(_snapshots.WhenIdleAsync);

        Assert.False(acknowledged.IsCompleted);
        Assert.Equal([3L], Rows());
        _journal.ApplyAcknowledgements();
        await acknowledged;
    }

    [Fact]
    public async Task A_failed_snapshot_keeps_every_entry_and_the_next_entry_tries_again()
    {
        _snapshot.FailWrites = true;
        await StoreEntryAsync(2);
        await StoreEntryAsync(3);
        await StoreEntryAsync(4);
        await _scheduler.Run(_snapshots.WhenIdleAsync);

        Assert.Equal(0, _snapshot.Writes);
        Assert.Equal([1L, 2L, 3L], Rows());
        Assert.Equal(3, _snapshots.EntriesSince);

        _snapshot.FailWrites = false;
        await StoreEntryAsync(5);
        await _scheduler.Run(_snapshots.WhenIdleAsync);
        Assert.Equal(4, _snapshot.Stored.JournalSequence);
        Assert.Equal([4L], Rows());
    }

    [Fact]
    public async Task Entries_stored_while_a_snapshot_is_written_make_the_next_one_at_once()
    {
        _snapshot.Hold();
        for (var peer = 2L; peer < 8; peer++)
        {
            await StoreEntryAsync(peer);
        }

        Assert.Equal(0, _snapshot.Writes);
        _snapshot.Release();
        await _scheduler.Run(_snapshots.WhenIdleAsync);

        // The first snapshot was taken at entry 3; the three after it made the next due at once.
        Assert.Equal(2, _snapshot.Writes);
        Assert.Equal(6, _snapshot.Stored.JournalSequence);
        Assert.Equal(0, _snapshots.EntriesSince);
    }

    [Fact]
    public async Task Replacing_the_snapshot_deletes_every_older_entry_whatever_its_marks()
    {
        await StoreEntryAsync(2, marked: true);
        await StoreEntryAsync(3);
        var erased = _view.Forget(2);

        await _scheduler.Run(() => _snapshots.ReplaceAsync(erased, MirrorOutbox.Empty, sequence: 3, erasedChangesBefore: 0));

        Assert.Empty(Rows());
        Assert.Equal(3, _snapshot.Stored.JournalSequence);
        Assert.Equal([3L], _snapshot.Stored.Followings);
        Assert.Equal(0, _snapshots.EntriesSince);
    }

    [Fact]
    public async Task The_loaded_snapshot_is_let_go_once_taken_and_read_again_from_storage()
    {
        await StoreEntryAsync(2);
        await StoreEntryAsync(3);
        await StoreEntryAsync(4);
        await _scheduler.Run(_snapshots.WhenIdleAsync);
        await _snapshot.ReadStateAsync();

        var loaded = _snapshots.TakeLoaded();
        Assert.Equal(3, loaded.JournalSequence);
        Assert.Same(UserGraphSnapshot.Released, _snapshot.State);

        var again = await _scheduler.Run(_snapshots.ReadAgainAsync);
        Assert.Equal(3, again.JournalSequence);
        Assert.Same(UserGraphSnapshot.Released, _snapshot.State);
    }
}
