using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Streams;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// One user's graph: the activation, the calls, and the current view. Storing changes is
/// <see cref="GraphPersistence"/>'s job, delivering mirrors to the other users' grains is
/// <see cref="MirrorDelivery"/>'s, and the graph rules live in <see cref="UserGraphState"/>,
/// <see cref="ConnectionStateMachine"/> and <see cref="FactOwnership"/>.
/// </summary>
/// <remarks>
/// <para>
/// A write to a fact this user owns is stored, then mirrored to the other user's grain, and
/// answers once that grain shows the mirror to its readers (or after
/// <see cref="MirrorOptions.WaitBound"/> under a fault): read-your-writes on both sides, on every
/// silo. The other grain stores the mirror after that, and this one records the delivery once it has.
/// </para>
/// <para>
/// <b>Reentrant</b>, because a write waits on another user's grain, and that user may at that
/// moment be writing toward this one (two users following each other at once, a cycle of three,
/// a connection's owner mirroring to the actor that called it). With turn-based requests those
/// waits would form a cycle and hang until the call timeout; Orleans' call-chain reentrancy only
/// covers calls that come back along the same chain, which a second user's own request does not.
/// Interleaving is safe here because no request changes state between awaits: every change is a
/// function queued on <see cref="GraphPersistence"/>, applied in order to the latest view, and
/// reads see only a view swapped in one step (the stored one, plus mirrors shown before they are stored). Interleaving also keeps reads flowing
/// while a write waits for storage and for its mirror, and lets a user's concurrent writes share
/// journal entries.
/// </para>
/// </remarks>
[Reentrant]
public sealed partial class UserGraphGrain : Grain, IUserGraphGrain, IUserGraphMirror, IUserGraphPeerQueries, IRemindable, IGraphPersistenceOwner, IMirrorChannel, IChangeStreamOwner, IChangeEventChannel
{
    /// <summary>The per-user reminder of earlier releases; still answered so that stored ones retire themselves.</summary>
    private const string LegacyPeerSyncReminder = "peer-sync";

    private readonly GraphPersistence _persistence;
    private readonly MirrorDelivery _mirrors;
    private readonly ILogger<UserGraphGrain> _logger;
    private readonly IGraphChangeLog _changeLog;
    private readonly IChangeStreamSubscribers _changeStreamSubscribers;
    // Created by the first write or subscriber notice: most activations only read.
    private ChangeEventPublisher? _publisher;
    private IAsyncStream<GraphChange>? _changes;
    // Created by the first repair: most activations are never repaired.
    private MirrorRepair? _repair;

    public UserGraphGrain(
        [PersistentState(GraphStorage.UserGraphStateName, GraphStorage.ProviderName)]
        IPersistentState<UserGraphSnapshot> state,
        IGraphJournal journal,
        IGraphChangeLog changeLog,
        IChangeStreamSubscribers changeStreamSubscribers,
        IOptions<MirrorOptions> mirrorOptions,
        IOptions<GraphJournalOptions> journalOptions,
        ILogger<UserGraphGrain> logger)
    {
        _logger = logger;
        _changeLog = changeLog;
        _persistence = new GraphPersistence(this.GetPrimaryKeyLong(), journal, state, journalOptions.Value, this, logger);
        _mirrors = new MirrorDelivery(this, mirrorOptions.Value, TimeProvider.System, logger);
        _changeStreamSubscribers = changeStreamSubscribers;
    }

    private long UserId => this.GetPrimaryKeyLong();

    private UserGraphState View => _persistence.View;

    private ChangeEventPublisher Publisher => _publisher ??= new ChangeEventPublisher(UserId, _changeStreamSubscribers, this, _logger);

    MirrorOutbox IGraphPersistenceOwner.Outbox => _mirrors.Outbox;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var recovered = await _persistence.LoadAsync();
        _mirrors.Restore(recovered.Outbox, recovered.Sequence, recovered.DeliveryPending);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _persistence.FlushAsync();
        await _mirrors.StopAsync();
    }

    public Task<StatusesSnapshot> GetStatusesAsync(long[] userIds) => Task.FromResult(View.Statuses(userIds));

    public Task<Relationship[]> GetRelationshipsAsync(long[] userIds)
    {
        var view = View;
        return Task.FromResult(userIds.Select(view.RelationshipWith).ToArray());
    }

    public Task<Relationship> GetRelationshipAsync(long userId) => Task.FromResult(View.RelationshipWith(userId));

    public Task<RelationshipsSnapshot> GetRelationshipsSnapshotAsync(long[] userIds)
    {
        var view = View;
        return Task.FromResult(new RelationshipsSnapshot(view.Version, [.. userIds.Select(view.RelationshipWith)]));
    }

    public Task<bool> IsBlockingAsync(long userId) => Task.FromResult(View.Blocking.Contains(userId));

    public Task<bool> IsBlockedByAsync(long userId) => Task.FromResult(View.BlockedBy.Contains(userId));

    public Task<UserIdPage> GetBlockedAsync(int offset, int limit) => Task.FromResult(View.BlockingPage(offset, limit));

    /// <summary>
    /// The smaller of this user's followings and the other user's followers crosses the wire,
    /// to the grain that holds the larger; the other user's follower count decides which.
    /// </summary>
    public async Task<UserIdPage> GetFollowersYouKnowAsync(long userId, int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (userId <= 0)
        {
            throw new GraphRuleException($"User id {userId} is not a positive integer.");
        }

        long[] known;
        if (userId == UserId)
        {
            known = View.Followings.Among(View.Followers.Ids.Span);
        }
        else
        {
            var theirFollowers = (await GrainFactory.GetGrain<IUserGraphGrain>(userId).GetCountersAsync()).Followers;
            var other = GrainFactory.GetGrain<IUserGraphPeerQueries>(userId);
            known = View.Followings.Count <= theirFollowers
                ? await other.FollowersAmongAsync(View.Followings.Ids.ToArray())
                : View.Followings.Among(await other.GetFollowerIdsAsync());
        }

        return EdgeListing.PageOf(known, offset, limit);
    }

    /// <remarks>
    /// Asked behind this user's queued writes: with none of them in flight, every change this user
    /// stores later is given a higher position than the log's current one.
    /// </remarks>
    public async Task<long> GetChangePositionAsync()
    {
        await _persistence.WriteAsync(GraphWrite.Nothing());
        return await _changeLog.CurrentPositionAsync();
    }

    /// <remarks>
    /// Waits for the mirrors shown to this user's readers to be stored first: their changes enter
    /// the log when they are stored, and a change is in the feed of both users once the write
    /// answered.
    /// </remarks>
    public async Task<GraphChangePage> GetChangesSinceAsync(long position, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        await _persistence.WhenShownStoredAsync();
        return await _changeLog.ReadAsync(UserId, position, limit);
    }

    public Task<long[]> FollowersAmongAsync(long[] candidates) => Task.FromResult(View.Followers.Among(candidates));

    public Task<long[]> GetFollowerIdsAsync() => Task.FromResult(View.Followers.Ids.ToArray());

    public Task<PairRelation[]> GetRoomRowAsync(long[] members)
    {
        var view = View;
        var row = new PairRelation[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            row[i] = members[i] == UserId ? PairRelation.None : view.RoomRelationTo(members[i]);
        }

        return Task.FromResult(row);
    }

    public Task<bool> IsFollowingAsync(long userId) => Task.FromResult(View.Followings.Contains(userId));

    public Task<bool> IsFollowedByAsync(long userId) => Task.FromResult(View.Followers.Contains(userId));

    public Task<bool> IsHidingAsync(long userId) => Task.FromResult(View.Hidden.Contains(userId));

    public Task<bool> IsHiddenByAsync(long userId) => Task.FromResult(View.HiddenBy.Contains(userId));

    public Task<GraphCounters> GetCountersAsync() => Task.FromResult(View.Counters);

    public Task<UserIdPage> GetFollowersAsync(MutualFilter filter, int offset, int limit) =>
        Task.FromResult(View.FollowersPage(filter, offset, limit));

    public Task<UserIdPage> GetFollowingsAsync(MutualFilter filter, int offset, int limit) =>
        Task.FromResult(View.FollowingsPage(filter, offset, limit));

    public Task<UserIdPage> GetHiddenAsync(int offset, int limit) => Task.FromResult(View.HiddenPage(offset, limit));

    public Task<ConnectionStatus> GetConnectionStatusAsync(long userId) => Task.FromResult(View.StatusToward(userId));

    public Task<UserIdPage> GetConnectionsAsync(int offset, int limit) => Task.FromResult(View.Connections.ConnectionsPage(offset, limit));

    public Task<ConnectionRequestPage> GetReceivedConnectionRequestsAsync(int offset, int limit) =>
        Task.FromResult(View.Connections.RequestsPage(UserId, sent: false, offset, limit));

    public Task<ConnectionRequestPage> GetSentConnectionRequestsAsync(int offset, int limit) =>
        Task.FromResult(View.Connections.RequestsPage(UserId, sent: true, offset, limit));

    public Task<PeerEdges> GetEdgesTowardAsync(long peerId) => Task.FromResult(View.EdgesToward(peerId));

    public async Task<bool> FollowAsync(long userId) => (await ChangeFollowAsync(userId, EdgeChange.Add)).Changed;

    public async Task<bool> UnfollowAsync(long userId) => (await ChangeFollowAsync(userId, EdgeChange.Remove)).Changed;

    public async Task<bool> ToggleFollowAsync(long userId) => (await ChangeFollowAsync(userId, EdgeChange.Toggle)).Present;

    public async Task<bool> HideAsync(long userId) => (await ChangeHideAsync(userId, EdgeChange.Add)).Changed;

    public async Task<bool> UnhideAsync(long userId) => (await ChangeHideAsync(userId, EdgeChange.Remove)).Changed;

    public async Task<bool> ToggleHideAsync(long userId) => (await ChangeHideAsync(userId, EdgeChange.Toggle)).Present;

    public Task<EdgeWriteResult> ChangeFollowAsync(long userId, EdgeChange change) =>
        ChangeEdgeAsync(userId, "follow", change, view => view.Followings, (view, present) => view.WithFollowing(userId, present));

    public Task<EdgeWriteResult> ChangeHideAsync(long userId, EdgeChange change) =>
        ChangeEdgeAsync(userId, "hide", change, view => view.Hidden, (view, present) => view.WithHidden(userId, present));

    public Task<EdgeWriteResult> ChangeBlockAsync(long userId, EdgeChange change) =>
        ChangeEdgeAsync(userId, "block", change, view => view.Blocking, (view, present) => view.WithBlocking(userId, present));

    public Task<ConnectionStatus> RequestConnectionAsync(long userId) => StatusAfterAsync(userId, ConnectionAction.Request);

    public Task<ConnectionStatus> CancelConnectionRequestAsync(long userId) => StatusAfterAsync(userId, ConnectionAction.CancelRequest);

    public Task<ConnectionStatus> AcceptConnectionAsync(long userId) => StatusAfterAsync(userId, ConnectionAction.Accept);

    public Task<ConnectionStatus> RejectConnectionAsync(long userId) => StatusAfterAsync(userId, ConnectionAction.Reject);

    public Task<ConnectionStatus> CancelConnectionRejectionAsync(long userId) => StatusAfterAsync(userId, ConnectionAction.CancelRejection);

    public Task<ConnectionStatus> RemoveConnectionAsync(long userId) => StatusAfterAsync(userId, ConnectionAction.Remove);

    public Task<ConnectionStatus> MarkConnectionRequestSeenAsync(long userId) => StatusAfterAsync(userId, ConnectionAction.MarkSeen);

    /// <summary>Decided here when this user owns the connection, else by the owner, which mirrors it back before answering.</summary>
    public async Task<ConnectionWriteResult> ActOnConnectionAsync(long userId, ConnectionAction action)
    {
        EdgeRules.EnsureValidTarget(UserId, userId, "connect with");
        var decision = FactOwnership.OwnsConnection(UserId, userId)
            ? await DecideAsync(userId, UserId, action)
            : await Mirror(userId).DecideConnectionAsync(UserId, action);
        return new ConnectionWriteResult(ConnectionStateMachine.StatusFor(decision.Record, UserId), decision.MirrorPending);
    }

    public Task<ConnectionDecision> DecideConnectionAsync(long actorId, ConnectionAction action)
    {
        EdgeRules.EnsureValidTarget(UserId, actorId, "connect with");
        return FactOwnership.OwnsConnection(UserId, actorId)
            ? DecideAsync(actorId, actorId, action)
            : throw new GraphRuleException($"User {UserId} does not decide the connection with user {actorId}.");
    }

    public async Task MirrorAsync(long ownerId, PeerEdges edges)
    {
        if (ownerId > 0 && ownerId != UserId)
        {
            _repair?.NoteMirror(ownerId);
            await _persistence.WriteMirror(ownerId, edges).Stored;
        }
    }

    public Task<bool> ShowMirrorAsync(long ownerId, PeerEdges edges)
    {
        if (ownerId <= 0 || ownerId == UserId)
        {
            return Task.FromResult(false);
        }

        _repair?.NoteMirror(ownerId);
        var (shown, stored) = _persistence.WriteMirror(ownerId, edges);
        // Its failure is the owner's to handle (it sends again); observed here so it is not reported as unobserved.
        stored.ContinueWith(static write => _ = write.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Task.FromResult(shown);
    }

    public async Task ResumeMirroringAsync()
    {
        // The sweep may have found an entry this activation never learnt was stored.
        await _persistence.EnsureCurrentAsync();
        _mirrors.Resume();
    }

    public Task<int> RepairReverseEdgesAsync(long[] ownerIds) =>
        (_repair ??= new MirrorRepair()).RunAsync(
            _persistence,
            [.. ownerIds.Concat(View.MirroredOwners).Where(id => id > 0 && id != UserId).Distinct()],
            owner => Mirror(owner).GetEdgesTowardAsync(UserId));

    public Task ForgetUserAsync(long erasedUserId) =>
        _persistence.WriteAsync(new GraphWrite(GraphWriteKind.Erasure, [erasedUserId], view =>
        {
            _mirrors.Forget(erasedUserId);
            return view.Forget(erasedUserId);
        }));

    public async Task<long[]> EraseOwnGraphAsync()
    {
        long[] mentioned = [];
        await _persistence.WriteAsync(new GraphWrite(GraphWriteKind.Erasure, [], view =>
        {
            mentioned = [.. view.MentionedUsers.Concat(_mirrors.Outbox.Pending.Select(p => p.Key)).Distinct()];
            _mirrors.Clear();
            // The version keeps rising so that no ETag handed out before the erasure matches after it.
            return UserGraphState.Empty(UserId) with { Version = view.Version + 1 };
        }));
        return mentioned;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // The marks such a reminder stood for were taken over from the snapshot on activation.
        if (reminderName == LegacyPeerSyncReminder && await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    async Task IGraphPersistenceOwner.OnStoredAsync(IReadOnlyList<StoredWrite> writes, IReadOnlyList<GraphChange> changes, long sequence)
    {
        foreach (var stored in writes)
        {
            foreach (var peerId in stored.PeersToMirror)
            {
                _mirrors.Mark(peerId, stored.After.Version, sequence);
            }
        }

        await Publisher.PublishAsync(changes);
    }

    Task IChangeStreamOwner.SubscribersChangedAsync(bool hasSubscribers)
    {
        Publisher.OnSubscribersChanged(hasSubscribers);
        return Task.CompletedTask;
    }

    void IGraphPersistenceOwner.OnReloaded(RecoveredGraph recovered) =>
        _mirrors.Restore(recovered.Outbox, recovered.Sequence, recovered.DeliveryPending);

    void IGraphPersistenceOwner.OnBroken() => DeactivateOnIdle();

    Task IMirrorChannel.SendAsync(long peerId) => Mirror(peerId).MirrorAsync(UserId, _persistence.Durable.EdgesToward(peerId));

    Task<bool> IMirrorChannel.ShowAsync(long peerId) => Mirror(peerId).ShowMirrorAsync(UserId, _persistence.Durable.EdgesToward(peerId));

    Task IMirrorChannel.AcknowledgeAsync(long sequence) => _persistence.AcknowledgeMirrorsAsync(sequence);

    private async Task<EdgeWriteResult> ChangeEdgeAsync(
        long userId, string verb, EdgeChange change, Func<UserGraphState, UserIdSet> edges, Func<UserGraphState, bool, UserGraphState> with)
    {
        EdgeRules.EnsureValidTarget(UserId, userId, verb);
        var present = false;
        var stored = await _persistence.WriteAsync(GraphWrite.Owned(userId, view =>
            with(view, present = EdgeRules.PresentAfter(change, edges(view).Contains(userId)))));
        return new EdgeWriteResult(present, stored.Changed, MirrorPending: !await _mirrors.WaitAsync(userId));
    }

    private async Task<ConnectionStatus> StatusAfterAsync(long userId, ConnectionAction action) =>
        (await ActOnConnectionAsync(userId, action)).Status;

    private async Task<ConnectionDecision> DecideAsync(long otherId, long actorId, ConnectionAction action)
    {
        ConnectionRecord? record = null;
        await _persistence.WriteAsync(GraphWrite.Owned(otherId, view => view.WithConnection(
            otherId,
            record = ConnectionStateMachine.Apply(view.Connections.Get(otherId), actorId, action, DateTime.UtcNow, Random.Shared.NextInt64(1, long.MaxValue)))));
        return new ConnectionDecision(record, MirrorPending: !await _mirrors.WaitAsync(otherId));
    }

    /// <summary>
    /// Called after the write and before its callers resume, so events follow the order of the
    /// stored writes: the events of one stored entry as one batch (one call to the stream's queue,
    /// which a subscriber still receives event by event).
    /// </summary>
    Task IChangeEventChannel.SendAsync(IReadOnlyList<GraphChange> batch)
    {
        _changes ??= this.GetStreamProvider(GraphChangeStreams.ProviderName).GetStream<GraphChange>(GraphChangeStreams.ForUser(UserId));
        return batch.Count == 1 ? _changes.OnNextAsync(batch[0]) : _changes.OnNextBatchAsync(batch);
    }

    private IUserGraphMirror Mirror(long userId) => GrainFactory.GetGrain<IUserGraphMirror>(userId);
}
