using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Grains;

/// <summary>
/// The grain's persistence sequence alone: no cluster and no database, the in-memory journal
/// behind the fault-injecting one, on a scheduler that runs one piece of work at a time like an
/// activation.
/// </summary>
public class GraphPersistenceTests
{
    private readonly long _user = TestUsers.NewId();
    private readonly DeterministicScheduler _scheduler = new();
    private readonly InMemoryGraphJournal _journal = new();
    private readonly InMemoryPersistentState<UserGraphSnapshot> _snapshot;
    private readonly RecordingOwner _owner = new();

    public GraphPersistenceTests() => _snapshot = new InMemoryPersistentState<UserGraphSnapshot>(_user);

    private GraphPersistence NewPersistence(int minEntriesBetweenSnapshots = 64) => new(
        _user,
        new FaultInjectingGraphJournal(_journal),
        _snapshot,
        new GraphJournalOptions { MinEntriesBetweenSnapshots = minEntriesBetweenSnapshots },
        _owner,
        NullLogger.Instance);

    private async Task<GraphPersistence> LoadedAsync(int minEntriesBetweenSnapshots = 64)
    {
        var persistence = NewPersistence(minEntriesBetweenSnapshots);
        await _snapshot.ReadStateAsync();
        await _scheduler.Run(persistence.LoadAsync);
        return persistence;
    }

    private static GraphWrite Follow(long peer) => GraphWrite.Owned(peer, view => view.WithFollowing(peer, true));

    private static GraphWrite Toggle(long peer) =>
        GraphWrite.Owned(peer, view => view.WithFollowing(peer, !view.Followings.Contains(peer)));

    /// <summary>A mirror arriving from <paramref name="owner"/>, on the activation's scheduler.</summary>
    private (bool Shown, Task<StoredWrite> Stored) MirrorFrom(GraphPersistence persistence, long owner, EdgeKinds kinds)
    {
        var shown = false;
        Task<StoredWrite> stored = Task.FromException<StoredWrite>(new InvalidOperationException("not run"));
        _scheduler.Run(() => (shown, stored) = persistence.WriteMirror(owner, new PeerEdges(kinds, null)));
        return (shown, stored);
    }

    private static GraphWrite FollowedBy(long owner) =>
        GraphWrite.Mirror(owner, view => view.WithEdgesFrom(owner, new PeerEdges(EdgeKinds.Follows, null)));

    [Fact]
    public async Task Writes_queued_while_an_entry_is_stored_share_the_next_entry_and_see_each_other()
    {
        var persistence = await LoadedAsync();
        _journal.Hold();
        var first = Follow(2);
        Task<StoredWrite>[] queued = [];
        _scheduler.Run(() =>
        {
            persistence.WriteAsync(first);
            // Arrive while the first entry is being stored: a toggle twice undoes itself.
            queued = [persistence.WriteAsync(Follow(3)), persistence.WriteAsync(Toggle(4)), persistence.WriteAsync(Toggle(4)), persistence.WriteAsync(FollowedBy(5))];
        });
        Assert.False(first.Stored.IsCompleted);
        Assert.Empty(persistence.View.Followings.Ids.ToArray());

        _journal.Release();
        _scheduler.Pump();

        var stored = await Task.WhenAll(queued);
        Assert.Equal(2, _journal.Appends);
        Assert.Equal([2L, 3L], persistence.View.Followings.Ids.ToArray());
        Assert.True(persistence.View.Followers.Contains(5));
        Assert.True(stored[1].Changed && stored[2].Changed);
        Assert.False(stored[2].After.Followings.Contains(4));
        var second = _journal.Rows(_user)[1];
        Assert.True(second.DeliveryPending);
        Assert.Equal([3L, 4L], second.Entry.PeersToMirror.Order());
        Assert.Contains(second.Entry.Peers, facts => facts.PeerId == 5 && facts.Mirrored == EdgeKinds.Follows);
        Assert.Equal([1L, 2L], _owner.StoredSequences);
    }

    [Fact]
    public async Task A_mirror_is_shown_before_it_is_stored_here_and_retired_once_it_is()
    {
        var persistence = await LoadedAsync();
        var versionBefore = persistence.View.Version;
        _journal.Hold();
        var mirror = MirrorFrom(persistence, 5, EdgeKinds.Follows);

        Assert.True(mirror.Shown);
        Assert.False(mirror.Stored.IsCompleted);
        Assert.True(persistence.View.Followers.Contains(5));
        Assert.False(persistence.Durable.Followers.Contains(5));
        var shownVersion = persistence.View.Version;
        Assert.True(shownVersion > versionBefore);

        _journal.Release();
        _scheduler.Pump();
        await mirror.Stored;

        Assert.True(persistence.Durable.Followers.Contains(5));
        Assert.Same(persistence.Durable, persistence.View);
        // Stored, it is what readers already saw: the same version, so their ETags stay valid.
        Assert.Equal(shownVersion, persistence.View.Version);
    }

    [Fact]
    public async Task A_shown_mirror_stays_shown_through_a_failed_store_and_the_owners_next_send_stores_it()
    {
        var persistence = await LoadedAsync();
        StorageFaults.FailWritesOf(_user);
        var mirror = MirrorFrom(persistence, 5, EdgeKinds.Follows);
        _scheduler.Pump();

        await Assert.ThrowsAsync<InjectedStorageFaultException>(() => mirror.Stored);
        Assert.True(persistence.View.Followers.Contains(5));
        Assert.False(persistence.Durable.Followers.Contains(5));

        StorageFaults.Heal(_user);
        await _scheduler.Run(() => persistence.WriteMirror(5, new PeerEdges(EdgeKinds.Follows, null)).Stored);

        Assert.True(persistence.Durable.Followers.Contains(5));
        Assert.Same(persistence.Durable, persistence.View);
        Assert.True((await LoadedAsync()).View.Followers.Contains(5));
    }

    [Fact]
    public async Task A_mirror_that_would_change_this_users_own_facts_is_shown_only_once_stored()
    {
        var persistence = await LoadedAsync();
        await _scheduler.Run(() => persistence.WriteAsync(Follow(5)));
        _journal.Hold();
        var block = MirrorFrom(persistence, 5, EdgeKinds.Blocks);

        Assert.False(block.Shown);
        Assert.True(persistence.View.Followings.Contains(5));
        Assert.False(persistence.View.BlockedBy.Contains(5));

        _journal.Release();
        _scheduler.Pump();
        await block.Stored;
        Assert.False(persistence.View.Followings.Contains(5));
        Assert.True(persistence.View.BlockedBy.Contains(5));
    }

    [Fact]
    public async Task A_refused_write_fails_alone_and_the_rest_of_its_entry_is_stored()
    {
        var persistence = await LoadedAsync();
        _journal.Hold();
        Task<StoredWrite>[] writes = [];
        _scheduler.Run(() =>
        {
            persistence.WriteAsync(Follow(2));
            writes =
            [
                persistence.WriteAsync(Follow(3)),
                persistence.WriteAsync(GraphWrite.Owned(4, _ => throw new GraphRuleException("refused"))),
                persistence.WriteAsync(Follow(5)),
            ];
        });
        _journal.Release();
        _scheduler.Pump();

        await writes[0];
        await Assert.ThrowsAsync<GraphRuleException>(() => writes[1]);
        await writes[2];
        Assert.Equal([2L, 3L, 5L], persistence.View.Followings.Ids.ToArray());
        Assert.Equal(2, _journal.Appends);
    }

    [Fact]
    public async Task A_failed_append_fails_its_writes_leaves_the_view_and_the_next_write_lands_after_the_stored_entries()
    {
        var persistence = await LoadedAsync();
        await _scheduler.Run(() => persistence.WriteAsync(Follow(2)));
        var version = persistence.View.Version;
        StorageFaults.FailWritesOf(_user);

        await Assert.ThrowsAsync<InjectedStorageFaultException>(() => _scheduler.Run(() => persistence.WriteAsync(Follow(3))));
        StorageFaults.Heal(_user);

        Assert.Equal([2L], persistence.View.Followings.Ids.ToArray());
        Assert.Equal(1, _owner.Reloads);
        // The re-read found what readers already see: same version, so their ETags stay valid.
        Assert.Equal(version, persistence.View.Version);
        Assert.Same(persistence.Durable, persistence.View);
        await _scheduler.Run(() => persistence.WriteAsync(Follow(4)));
        Assert.Equal([1L, 2L], _journal.Rows(_user).Select(r => r.Sequence));
        Assert.Equal([2L, 4L], persistence.View.Followings.Ids.ToArray());
    }

    [Fact]
    public async Task While_storage_cannot_be_read_the_view_is_kept_and_writes_fail_unstored_until_it_answers()
    {
        var persistence = await LoadedAsync();
        await _scheduler.Run(() => persistence.WriteAsync(Follow(2)));
        StorageFaults.FailWritesOf(_user);
        _snapshot.FailReads = true;

        await Assert.ThrowsAsync<InjectedStorageFaultException>(() => _scheduler.Run(() => persistence.WriteAsync(Follow(3))));
        StorageFaults.Heal(_user);
        // Appends would work again, but the stored position is unknown until storage is read.
        await Assert.ThrowsAsync<InjectedStorageFaultException>(() => _scheduler.Run(() => persistence.WriteAsync(Follow(4))));

        Assert.Equal([2L], persistence.View.Followings.Ids.ToArray());
        Assert.Equal(1, _journal.Appends);
        Assert.Equal(0, _owner.Broken);
        _snapshot.FailReads = false;
        await _scheduler.Run(persistence.EnsureCurrentAsync);
        Assert.Equal(1, _owner.Reloads);
        Assert.Equal(1, _journal.Appends);
        await _scheduler.Run(() => persistence.WriteAsync(Follow(5)));
        Assert.Equal(1, _owner.Reloads);
        Assert.Equal([1L, 2L], _journal.Rows(_user).Select(r => r.Sequence));
        Assert.Equal([2L, 5L], persistence.View.Followings.Ids.ToArray());
    }

    [Fact]
    public async Task An_append_stored_but_not_answered_is_found_again_by_the_re_read()
    {
        var persistence = await LoadedAsync();
        var version = persistence.View.Version;
        _journal.FailAfterStoring = 1;

        await Assert.ThrowsAsync<TimeoutException>(() => _scheduler.Run(() => persistence.WriteAsync(Follow(2))));

        // The outcome was unknown to the caller, but storage has it, and so does the view now,
        // at a new version, with its mirror still marked: the reload hands it to the delivery.
        Assert.True(persistence.View.Followings.Contains(2));
        Assert.True(persistence.View.Version > version);
        Assert.Equal(1, persistence.Sequence);
        Assert.Equal([2L], _owner.LastReload!.Outbox.Pending.Select(p => p.Key));
        await _scheduler.Run(() => persistence.WriteAsync(Follow(3)));
        Assert.Equal(2, persistence.Sequence);
    }

    [Fact]
    public async Task A_stale_activation_cannot_write_over_a_newer_one()
    {
        var current = await LoadedAsync();
        var stale = await LoadedAsync();
        await _scheduler.Run(() => current.WriteAsync(Follow(2)));

        await Assert.ThrowsAsync<InconsistentStateException>(() => _scheduler.Run(() => stale.WriteAsync(Follow(3))));

        // The stale one re-read storage and now holds the newer write.
        Assert.Equal([2L], stale.View.Followings.Ids.ToArray());
        var reloaded = await LoadedAsync();
        Assert.Equal([2L], reloaded.View.Followings.Ids.ToArray());
    }

    [Fact]
    public async Task A_snapshot_follows_the_cadence_folds_the_journal_and_a_reload_gives_the_same_view_at_a_higher_version()
    {
        var persistence = await LoadedAsync(minEntriesBetweenSnapshots: 4);
        for (var peer = 2L; peer < 12; peer++)
        {
            await _scheduler.Run(() => persistence.WriteAsync(peer % 3 == 0 ? FollowedBy(peer) : Follow(peer)));
        }

        Assert.Equal(2, _snapshot.Writes);
        Assert.Equal(8, _snapshot.Stored.JournalSequence);
        // Entries whose mirrors are still pending outlive the snapshot (nothing acknowledged them here).
        Assert.All(_journal.Rows(_user).Where(r => r.Sequence < 8), r => Assert.True(r.DeliveryPending));
        Assert.DoesNotContain(_journal.Rows(_user), r => r.Sequence < 8 && !r.DeliveryPending);

        var reloaded = await LoadedAsync();
        Assert.Equal(persistence.View.Followings.Ids.ToArray(), reloaded.View.Followings.Ids.ToArray());
        Assert.Equal(persistence.View.Followers.Ids.ToArray(), reloaded.View.Followers.Ids.ToArray());
        // A new activation starts above every version the last one could have shown.
        Assert.InRange(reloaded.View.Version, persistence.View.Version + 1, persistence.View.Version + (1L << 20));
        Assert.Equal(10, reloaded.Sequence);
    }

    [Fact]
    public async Task Acknowledged_mirrors_clear_their_marks_and_let_compaction_delete_the_entries()
    {
        var persistence = await LoadedAsync(minEntriesBetweenSnapshots: 4);
        for (var peer = 2L; peer < 7; peer++)
        {
            await _scheduler.Run(() => persistence.WriteAsync(Follow(peer)));
        }

        await _scheduler.Run(() => persistence.AcknowledgeMirrorsAsync(5));

        // Entries 1-3 were only kept for their marks: the snapshot at 4 covers them.
        Assert.Equal([4L, 5L], _journal.Rows(_user).Select(r => r.Sequence));
        Assert.All(_journal.Rows(_user), r => Assert.False(r.DeliveryPending));
    }

    [Fact]
    public async Task Entries_acknowledged_before_a_snapshot_but_stored_after_its_delete_are_folded_by_it()
    {
        var persistence = await LoadedAsync(minEntriesBetweenSnapshots: 4);
        _journal.DeferAcknowledgements();
        for (var peer = 2L; peer < 5; peer++)
        {
            await _scheduler.Run(() => persistence.WriteAsync(Follow(peer)));
        }

        // Sent before the snapshot at 4, so naming none, and stored only after its delete: the
        // delete goes by what the grain knows is delivered, not by the marks still in storage.
        var acknowledged = _scheduler.Run(() => persistence.AcknowledgeMirrorsAsync(3));
        await _scheduler.Run(() => persistence.WriteAsync(Follow(5)));
        await _scheduler.Run(persistence.FlushAsync);
        Assert.Equal(4, _snapshot.Stored.JournalSequence);

        _journal.ApplyAcknowledgements();
        await acknowledged;

        Assert.Equal([4L], _journal.Rows(_user).Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_snapshot_due_again_when_the_last_one_is_stored_is_taken_without_waiting_for_another_write()
    {
        var persistence = await LoadedAsync(minEntriesBetweenSnapshots: 4);
        // The snapshot at 4 stays unfinished while five more entries are written.
        _snapshot.Hold();
        for (var peer = 2L; peer < 11; peer++)
        {
            await _scheduler.Run(() => persistence.WriteAsync(Follow(peer)));
        }

        Assert.Equal(0, _snapshot.Writes);

        _snapshot.Release();
        await _scheduler.Run(persistence.FlushAsync);

        // A burst's last entries are not left for every activation to replay until a next write.
        Assert.Equal(9, _snapshot.Stored.JournalSequence);
    }

    [Fact]
    public async Task Erasure_claims_its_sequence_writes_a_snapshot_then_deletes_every_older_entry()
    {
        var persistence = await LoadedAsync();
        await _scheduler.Run(() => persistence.WriteAsync(Follow(2)));
        await _scheduler.Run(() => persistence.WriteAsync(FollowedBy(3)));

        var erased = await _scheduler.Run(() => persistence.WriteAsync(new GraphWrite(GraphWriteKind.Erasure, [3], view => view.Forget(3))));

        Assert.True(erased.Changed);
        Assert.Equal([3L], _journal.Rows(_user).Select(r => r.Sequence));
        Assert.Empty(_journal.Rows(_user)[0].Entry.Peers);
        Assert.Equal(3, _snapshot.Stored.JournalSequence);
        Assert.Empty(_snapshot.Stored.Followers);
        Assert.Equal([2L], _snapshot.Stored.Followings);
        Assert.False(persistence.View.Followers.Contains(3));
    }

    [Fact]
    public async Task A_block_arriving_behind_a_queued_follow_of_its_owner_is_not_shown_and_drops_the_follow_once_stored()
    {
        var persistence = await LoadedAsync();
        _journal.Hold();
        Task<StoredWrite> follow = null!;
        _scheduler.Run(() => { follow = persistence.WriteAsync(Follow(5)); });
        // On the shown view (the follow not stored yet) the block changes none of this user's facts;
        // stored behind the follow it drops it.
        var block = MirrorFrom(persistence, 5, EdgeKinds.Blocks);

        Assert.False(block.Shown);
        _journal.Release();
        _scheduler.Pump();
        await follow;
        await block.Stored;
        Assert.False(persistence.View.Followings.Contains(5));
        Assert.True(persistence.View.BlockedBy.Contains(5));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_mirror_shown_but_not_stored_does_not_outlive_an_erasure(bool ownErasure)
    {
        var persistence = await LoadedAsync();
        StorageFaults.FailWritesOf(_user);
        var mirror = MirrorFrom(persistence, 3, EdgeKinds.Follows);
        _scheduler.Pump();
        await Assert.ThrowsAsync<InjectedStorageFaultException>(() => mirror.Stored);
        StorageFaults.Heal(_user);
        Assert.True(persistence.View.Followers.Contains(3));

        await _scheduler.Run(() => persistence.WriteAsync(ownErasure
            ? new GraphWrite(GraphWriteKind.Erasure, [], view => UserGraphState.Empty(_user) with { Version = view.Version + 1 })
            : new GraphWrite(GraphWriteKind.Erasure, [3], view => view.Forget(3))));

        Assert.False(persistence.View.Followers.Contains(3));
        Assert.Same(persistence.Durable, persistence.View);
    }

    [Fact]
    public async Task An_erasure_whose_snapshot_fails_changes_nothing_visible_and_keeps_the_journal()
    {
        var persistence = await LoadedAsync();
        await _scheduler.Run(() => persistence.WriteAsync(FollowedBy(3)));
        _snapshot.FailWrites = true;

        await Assert.ThrowsAsync<InjectedStorageFaultException>(() =>
            _scheduler.Run(() => persistence.WriteAsync(new GraphWrite(GraphWriteKind.Erasure, [3], view => view.Forget(3)))));
        _snapshot.FailWrites = false;

        // The marker entry was stored, the snapshot was not: the re-read finds the follower again,
        // and the next write lands after the marker.
        Assert.True(persistence.View.Followers.Contains(3));
        Assert.Equal(0, _snapshot.Writes);
        Assert.Equal(1, _owner.Reloads);
        Assert.Equal(2, persistence.Sequence);
        Assert.Contains(_journal.Rows(_user), r => r.Entry.Peers.Any(p => p.PeerId == 3));
    }

    [Fact]
    public async Task Writes_queued_behind_an_erasure_wait_for_it_and_apply_to_the_erased_view()
    {
        var persistence = await LoadedAsync();
        await _scheduler.Run(() => persistence.WriteAsync(Follow(2)));
        _journal.Hold();
        Task<StoredWrite> after = null!;
        _scheduler.Run(() =>
        {
            persistence.WriteAsync(new GraphWrite(GraphWriteKind.Erasure, [], view => UserGraphState.Empty(_user) with { Version = view.Version + 1 }));
            after = persistence.WriteAsync(Follow(3));
        });
        _journal.Release();
        _scheduler.Pump();
        await after;
        _scheduler.Pump();

        Assert.Equal([3L], persistence.View.Followings.Ids.ToArray());
        Assert.Equal([2L, 3L], _journal.Rows(_user).Select(r => r.Sequence));
    }

    /// <summary>Records what the persistence told its grain.</summary>
    private sealed class RecordingOwner : IGraphPersistenceOwner
    {
        public List<long> StoredSequences { get; } = [];

        public int Reloads { get; private set; }

        public RecoveredGraph? LastReload { get; private set; }

        public int Broken { get; private set; }

        public MirrorOutbox Outbox { get; set; } = MirrorOutbox.Empty;

        public Task OnStoredAsync(IReadOnlyList<StoredWrite> writes, IReadOnlyList<GraphChange> changes, long sequence)
        {
            StoredSequences.Add(sequence);
            return Task.CompletedTask;
        }

        public void OnReloaded(RecoveredGraph recovered)
        {
            Reloads++;
            LastReload = recovered;
        }

        public void OnBroken() => Broken++;
    }
}
