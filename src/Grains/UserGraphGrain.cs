using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Streams;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// One user's graph, held in memory as an immutable <see cref="UserGraphView"/> and persisted as
/// a snapshot (the Orleans state) plus a journal of the changes since (<see cref="IGraphJournal"/>);
/// also the delivery end of <see cref="IUserGraphReplica"/> for its peers, and the authority for
/// the connections it has with users of higher id.
/// </summary>
/// <remarks>
/// <para>
/// Reads are <see cref="ReadOnlyAttribute"/> and see <see cref="_view"/>, which only ever points
/// at a durable view: a write stores the next view first and swaps it in afterwards.
/// </para>
/// <para>
/// A change is one journal entry, whatever the size of the graph; after enough entries a
/// snapshot is written in the background and the entries it covers are deleted.
/// </para>
/// <para>
/// A change to an edge this user owns is stored as an entry that marks the peer for delivery,
/// then delivered in the background (never awaited inside a request, so two users acting on each
/// other cannot deadlock). Failed deliveries are retried by a timer while active; after a crash,
/// <see cref="PeerSyncSweeperGrain"/> finds the entries still marked and wakes the grain.
/// </para>
/// </remarks>
public sealed partial class UserGraphGrain : Grain, IUserGraphGrain, IUserGraphReplica, IRemindable
{
    /// <summary>The per-user reminder of earlier releases; still answered so that stored ones retire themselves.</summary>
    private const string LegacyPeerSyncReminder = "peer-sync";

    private readonly IPersistentState<UserGraphState> _state;
    private readonly IGraphJournal _journal;
    private readonly PeerSyncOptions _peerSync;
    private readonly GraphJournalOptions _journalOptions;
    private readonly ILogger<UserGraphGrain> _logger;

    private UserGraphView _view = UserGraphView.Empty(0);
    private PeerSyncOutbox _outbox = PeerSyncOutbox.Empty;
    private long _sequence;
    private long _snapshotSequence;
    private int _entriesSinceSnapshot;
    private long _deliveriesPendingThrough;
    private long _deliveriesAcknowledgedThrough;
    private bool _acknowledgeWhenDrained;
    // Allocated when first needed, like the change stream: most active users only read, and
    // every byte of an idle activation counts a hundred thousand times.
    private Dictionary<long, TaskCompletionSource>? _requestedPulls;
    private bool _pullScheduled;
    private Task _snapshot = Task.CompletedTask;
    private bool _draining;
    private IGrainTimer? _retryTimer;
    private IAsyncStream<GraphChange>? _changes;
    private TimeSpan _retryDelay;

    public UserGraphGrain(
        [PersistentState(GraphStorage.UserGraphStateName, GraphStorage.ProviderName)]
        IPersistentState<UserGraphState> state,
        IGraphJournal journal,
        IOptions<PeerSyncOptions> peerSync,
        IOptions<GraphJournalOptions> journalOptions,
        ILogger<UserGraphGrain> logger)
    {
        _state = state;
        _journal = journal;
        _peerSync = peerSync.Value;
        _journalOptions = journalOptions.Value;
        _logger = logger;
        _retryDelay = _peerSync.FirstRetryDelay;
    }

    private long UserId => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadJournalAsync();
        StartDrain();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _snapshot;
        if (_outbox.IsEmpty && _deliveriesPendingThrough > _deliveriesAcknowledgedThrough)
        {
            try
            {
                await _journal.AcknowledgeDeliveriesAsync(UserId, _sequence, _snapshotSequence);
            }
            catch (Exception exception)
            {
                // Harmless: the sweeper wakes the user again, and deliveries are idempotent.
                LogOutboxNotCleared(exception, UserId);
            }
        }
    }

    [ReadOnly]
    public Task<StatusesSnapshot> GetStatusesAsync(long[] userIds) => Task.FromResult(_view.Statuses(userIds));

    [ReadOnly]
    public Task<Relationship[]> GetRelationshipsAsync(long[] userIds)
    {
        var view = _view;
        return Task.FromResult(userIds.Select(view.RelationshipWith).ToArray());
    }

    [ReadOnly]
    public Task<Relationship> GetRelationshipAsync(long userId) => Task.FromResult(_view.RelationshipWith(userId));

    [ReadOnly]
    public Task<bool> IsFollowingAsync(long userId) => Task.FromResult(_view.Followings.Contains(userId));

    [ReadOnly]
    public Task<bool> IsFollowedByAsync(long userId) => Task.FromResult(_view.Followers.Contains(userId));

    [ReadOnly]
    public Task<bool> IsHidingAsync(long userId) => Task.FromResult(_view.Hidden.Contains(userId));

    [ReadOnly]
    public Task<bool> IsHiddenByAsync(long userId) => Task.FromResult(_view.HiddenBy.Contains(userId));

    [ReadOnly]
    public Task<GraphCounters> GetCountersAsync() => Task.FromResult(_view.Counters);

    [ReadOnly]
    public Task<UserIdPage> GetFollowersAsync(MutualFilter filter, int offset, int limit) =>
        Task.FromResult(_view.FollowersPage(filter, offset, limit));

    [ReadOnly]
    public Task<UserIdPage> GetFollowingsAsync(MutualFilter filter, int offset, int limit) =>
        Task.FromResult(_view.FollowingsPage(filter, offset, limit));

    [ReadOnly]
    public Task<UserIdPage> GetHiddenAsync(int offset, int limit) => Task.FromResult(_view.HiddenPage(offset, limit));

    public Task<bool> FollowAsync(long userId) => SetFollowingAsync(userId, true);

    public Task<bool> UnfollowAsync(long userId) => SetFollowingAsync(userId, false);

    public async Task<bool> ToggleFollowAsync(long userId)
    {
        var follow = !_view.Followings.Contains(userId);
        await SetFollowingAsync(userId, follow);
        return follow;
    }

    public Task<bool> HideAsync(long userId) => SetHiddenAsync(userId, true);

    public Task<bool> UnhideAsync(long userId) => SetHiddenAsync(userId, false);

    public async Task<bool> ToggleHideAsync(long userId)
    {
        var hide = !_view.Hidden.Contains(userId);
        await SetHiddenAsync(userId, hide);
        return hide;
    }

    public async Task<int> RepairReverseEdgesAsync(long[] ownerIds)
    {
        var candidates = ownerIds
            .Concat(_view.Followers.Ids.ToArray())
            .Concat(_view.HiddenBy.Ids.ToArray())
            .Concat(_view.Connections.OtherIds.Where(id => !_view.IsConnectionAuthorityFor(id)))
            .Where(id => id > 0 && id != UserId)
            .Distinct()
            .ToArray();

        return await PullEdgesAsync(candidates);
    }

    public Task SyncEdgesFromAsync(long ownerId)
    {
        if (ownerId <= 0 || ownerId == UserId)
        {
            return Task.CompletedTask;
        }

        _requestedPulls ??= [];
        if (!_requestedPulls.TryGetValue(ownerId, out var pulled))
        {
            pulled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _requestedPulls[ownerId] = pulled;
        }

        if (!_pullScheduled)
        {
            _pullScheduled = true;
            _ = SchedulePullAsync();
        }

        return pulled.Task;
    }

    public async Task PullRequestedEdgesAsync()
    {
        _pullScheduled = false;
        var batch = _requestedPulls ?? [];
        _requestedPulls = null;
        try
        {
            await PullEdgesAsync([.. batch.Keys]);
            foreach (var pulled in batch.Values)
            {
                pulled.TrySetResult();
            }
        }
        catch (Exception exception)
        {
            foreach (var pulled in batch.Values)
            {
                pulled.TrySetException(exception);
            }
        }
    }

    /// <summary>
    /// Asks each owner (64 at a time) for the truth toward this user and stores what changed as
    /// one entry. Returns how many owners' edges changed this user's view.
    /// </summary>
    private async Task<int> PullEdgesAsync(long[] owners)
    {
        var next = _view;
        var changed = new List<long>();
        foreach (var chunk in owners.Chunk(64))
        {
            var edges = await Task.WhenAll(chunk.Select(owner => Replica(owner).GetEdgesTowardAsync(UserId)));
            for (var i = 0; i < chunk.Length; i++)
            {
                var pulled = next.WithEdgesFrom(chunk[i], edges[i]);
                if (!ReferenceEquals(pulled, next))
                {
                    changed.Add(chunk[i]);
                }

                next = pulled;
            }
        }

        if (changed.Count > 0)
        {
            await PersistAsync(next, _outbox, marksPeers: false, [.. changed]);
        }

        return changed.Count;
    }

    /// <summary>
    /// Runs <see cref="PullRequestedEdgesAsync"/> as a request of its own, in turn with this
    /// user's other writes, for every pull asked for until it starts. If it cannot run, the
    /// owners waiting are failed, and their retries ask again.
    /// </summary>
    private async Task SchedulePullAsync()
    {
        try
        {
            await this.AsReference<IUserGraphReplica>().PullRequestedEdgesAsync();
        }
        catch (Exception exception)
        {
            _pullScheduled = false;
            var waiting = _requestedPulls ?? [];
            _requestedPulls = null;
            foreach (var pulled in waiting.Values)
            {
                pulled.TrySetException(exception);
            }
        }
    }

    public Task ResumeDeliveriesAsync()
    {
        _acknowledgeWhenDrained = true;
        StartDrain();
        return Task.CompletedTask;
    }

    public Task<PeerEdges> GetEdgesTowardAsync(long peerId) => Task.FromResult(_view.EdgesToward(peerId));

    public Task<ConnectionStatus> RequestConnectionAsync(long userId) => ActOnConnectionAsync(userId, ConnectionAction.Request);

    public Task<ConnectionStatus> CancelConnectionRequestAsync(long userId) => ActOnConnectionAsync(userId, ConnectionAction.CancelRequest);

    public Task<ConnectionStatus> AcceptConnectionAsync(long userId) => ActOnConnectionAsync(userId, ConnectionAction.Accept);

    public Task<ConnectionStatus> RejectConnectionAsync(long userId) => ActOnConnectionAsync(userId, ConnectionAction.Reject);

    public Task<ConnectionStatus> CancelConnectionRejectionAsync(long userId) =>
        ActOnConnectionAsync(userId, ConnectionAction.CancelRejection);

    public Task<ConnectionStatus> RemoveConnectionAsync(long userId) => ActOnConnectionAsync(userId, ConnectionAction.Remove);

    public Task<ConnectionStatus> MarkConnectionRequestSeenAsync(long userId) => ActOnConnectionAsync(userId, ConnectionAction.MarkSeen);

    [ReadOnly]
    public Task<ConnectionStatus> GetConnectionStatusAsync(long userId) => Task.FromResult(_view.StatusToward(userId));

    [ReadOnly]
    public Task<UserIdPage> GetConnectionsAsync(int offset, int limit) =>
        Task.FromResult(_view.Connections.ConnectionsPage(offset, limit));

    [ReadOnly]
    public Task<ConnectionRequestPage> GetReceivedConnectionRequestsAsync(int offset, int limit) =>
        Task.FromResult(_view.Connections.RequestsPage(UserId, sent: false, offset, limit));

    [ReadOnly]
    public Task<ConnectionRequestPage> GetSentConnectionRequestsAsync(int offset, int limit) =>
        Task.FromResult(_view.Connections.RequestsPage(UserId, sent: true, offset, limit));

    public Task<ConnectionRecord?> ApplyConnectionActionAsync(long actorId, ConnectionAction action)
    {
        EdgeRules.EnsureValidTarget(UserId, actorId, "connect with");
        if (!_view.IsConnectionAuthorityFor(actorId))
        {
            throw new GraphRuleException($"User {UserId} does not decide the connection with user {actorId}.");
        }

        return DecideConnectionAsync(actorId, actorId, action);
    }

    public async Task ForgetUserAsync(long erasedUserId)
    {
        var next = _view.Forget(erasedUserId);
        var outbox = _outbox.Without(erasedUserId);
        if (!ReferenceEquals(next, _view) || !ReferenceEquals(outbox, _outbox))
        {
            await PersistErasureAsync(next, outbox, erasedUserId);
        }
    }

    public async Task<long[]> EraseOwnGraphAsync()
    {
        var mentioned = _view.MentionedUsers.Concat(_outbox.Pending.Select(p => p.Key)).Distinct().ToArray();

        // The version keeps rising so that no ETag handed out before the erasure matches after it.
        await PersistErasureAsync(UserGraphView.Empty(UserId) with { Version = _view.Version + 1 }, PeerSyncOutbox.Empty);
        return mentioned;
    }

    /// <summary>
    /// Sends the action to the pair's authority (this grain when it has the lower id), then brings
    /// this user's own view up to date before answering, so the caller reads its own write.
    /// </summary>
    private async Task<ConnectionStatus> ActOnConnectionAsync(long otherId, ConnectionAction action)
    {
        EdgeRules.EnsureValidTarget(UserId, otherId, "connect with");
        if (_view.IsConnectionAuthorityFor(otherId))
        {
            return ConnectionStateMachine.StatusFor(await DecideConnectionAsync(otherId, UserId, action), UserId);
        }

        var record = await Replica(otherId).ApplyConnectionActionAsync(UserId, action);
        var next = _view.WithConnection(otherId, record);
        if (!ReferenceEquals(next, _view))
        {
            try
            {
                await PersistAsync(next, _outbox, marksPeers: false, otherId);
            }
            catch (Exception exception)
            {
                // The action is durable at the authority, whose outbox will bring this view along.
                LogProjectionNotStored(exception, UserId, otherId);
            }
        }

        return ConnectionStateMachine.StatusFor(record, UserId);
    }

    private async Task<ConnectionRecord?> DecideConnectionAsync(long otherId, long actorId, ConnectionAction action)
    {
        var next = ConnectionStateMachine.Apply(
            _view.Connections.Get(otherId), actorId, action, DateTime.UtcNow, Random.Shared.NextInt64(1, long.MaxValue));
        await ChangeOwnedEdgeAsync(otherId, _view.WithConnection(otherId, next));
        return next;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != LegacyPeerSyncReminder)
        {
            return;
        }

        // Marks stored by an earlier release are in the snapshot's outbox: deliver them, then retire the reminder.
        if (!_outbox.IsEmpty)
        {
            StartDrain();
            return;
        }

        if (await this.GetReminder(LegacyPeerSyncReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Task<bool> SetFollowingAsync(long userId, bool follow)
    {
        EdgeRules.EnsureValidTarget(UserId, userId, "follow");
        return ChangeOwnedEdgeAsync(userId, _view.WithFollowing(userId, follow));
    }

    private Task<bool> SetHiddenAsync(long userId, bool hide)
    {
        EdgeRules.EnsureValidTarget(UserId, userId, "hide");
        return ChangeOwnedEdgeAsync(userId, _view.WithHidden(userId, hide));
    }

    private async Task<bool> ChangeOwnedEdgeAsync(long peerId, UserGraphView next)
    {
        if (ReferenceEquals(next, _view))
        {
            return false;
        }

        await PersistAsync(next, _outbox.Mark(peerId, next.Version), marksPeers: true, peerId);
        StartDrain();
        return true;
    }

    /// <summary>Appends the change as one journal entry, then makes it visible.</summary>
    /// <param name="marksPeers">The entry leaves deliveries to <paramref name="changedPeers"/> pending.</param>
    /// <param name="changedPeers">The users whose relation to this one the write changes.</param>
    private async Task PersistAsync(UserGraphView next, PeerSyncOutbox outbox, bool marksPeers, params long[] changedPeers)
    {
        var before = _view;
        var sequence = _sequence + 1;
        var entry = new GraphJournalEntry(next.Version, [.. changedPeers.Select(next.FactsAbout)], marksPeers);
        try
        {
            await _journal.AppendAsync(UserId, sequence, entry, deliveryPending: marksPeers);
        }
        catch
        {
            await ResynchronizeAfterFailedWriteAsync();
            throw;
        }

        _sequence = sequence;
        _entriesSinceSnapshot++;
        if (marksPeers)
        {
            _deliveriesPendingThrough = sequence;
        }

        _view = next;
        _outbox = outbox;
        await PublishChangesAsync(changedPeers.SelectMany(peer => GraphChanges.Between(before, next, peer)));
        StartSnapshotIfDue();
    }

    /// <summary>
    /// Erasure stores a new snapshot and deletes every older journal entry, so no trace of the
    /// erased relation is left in storage. The marker entry claims the sequence number first,
    /// which a stale activation could not also claim.
    /// </summary>
    private async Task PersistErasureAsync(UserGraphView next, PeerSyncOutbox outbox, params long[] changedPeers)
    {
        var before = _view;
        await _snapshot;
        var sequence = _sequence + 1;
        try
        {
            await _journal.AppendAsync(UserId, sequence, GraphJournalEntry.SnapshotMarker(next.Version), deliveryPending: !outbox.IsEmpty);
            _state.State = UserGraphState.From(next, outbox, sequence);
            await _state.WriteStateAsync();
            await _journal.DeleteBeforeAsync(UserId, sequence, keepPendingDeliveries: false);
        }
        catch
        {
            await ResynchronizeAfterFailedWriteAsync();
            throw;
        }

        _sequence = sequence;
        _snapshotSequence = sequence;
        _entriesSinceSnapshot = 0;
        _view = next;
        _outbox = outbox;
        _deliveriesPendingThrough = outbox.IsEmpty ? 0 : sequence;
        _deliveriesAcknowledgedThrough = 0;
        await PublishChangesAsync(changedPeers.SelectMany(peer => GraphChanges.Between(before, next, peer)));
    }

    /// <summary>
    /// Folds the journal into a new snapshot in the background, outside any request; changes
    /// appended meanwhile simply follow it. Entries still marked for delivery stay until their
    /// deliveries are acknowledged, so a crash cannot hide them from the sweeper.
    /// </summary>
    private void StartSnapshotIfDue()
    {
        if (!_snapshot.IsCompleted || !_journalOptions.IsSnapshotDue(_entriesSinceSnapshot, _view.EdgeCount))
        {
            return;
        }

        _snapshot = WriteSnapshotAsync(_view, _outbox, _sequence);
    }

    private async Task WriteSnapshotAsync(UserGraphView view, PeerSyncOutbox outbox, long sequence)
    {
        try
        {
            _state.State = UserGraphState.From(view, outbox, sequence);
            await _state.WriteStateAsync();
            _state.State = UserGraphState.Released;
            _snapshotSequence = sequence;
            _entriesSinceSnapshot = (int)(_sequence - sequence);
            await _journal.DeleteBeforeAsync(UserId, sequence, keepPendingDeliveries: true);
        }
        catch (Exception exception)
        {
            // The journal still holds every change; the next due snapshot tries again.
            LogSnapshotFailed(exception, UserId);
            if (exception is Orleans.Storage.InconsistentStateException)
            {
                DeactivateOnIdle();
            }
        }
    }

    /// <summary>
    /// Publishes after the write and before the request completes, so events follow the order of
    /// the stored writes. A failure to publish does not undo the durable change; subscribers see
    /// the gap in <see cref="GraphChange.GraphVersion"/>.
    /// </summary>
    private async Task PublishChangesAsync(IEnumerable<GraphChange> changes)
    {
        try
        {
            foreach (var change in changes)
            {
                _changes ??= this.GetStreamProvider(GraphChangeStreams.ProviderName)
                    .GetStream<GraphChange>(GraphChangeStreams.ForUser(UserId));
                await _changes.OnNextAsync(change);
            }
        }
        catch (Exception exception)
        {
            LogPublishFailed(exception, UserId);
        }
    }

    /// <summary>
    /// A failed write may still have reached the database (a timeout after commit), and leaves
    /// the stored sequence unknown, so the grain re-reads what is stored and delivers any marks it
    /// holds. If even that fails it keeps serving the last view it knows was durable and
    /// deactivates, so the next activation loads afresh instead of writing at a stale position.
    /// </summary>
    private async Task ResynchronizeAfterFailedWriteAsync()
    {
        try
        {
            await _snapshot;
            await _state.ReadStateAsync();
            await LoadJournalAsync();
            StartDrain();
        }
        catch (Exception exception)
        {
            LogResynchronizationFailed(exception, UserId);
            DeactivateOnIdle();
        }
    }

    private async Task LoadJournalAsync()
    {
        var snapshot = _state.State;
        var records = await _journal.ReadAfterAsync(UserId, snapshot.JournalSequence);
        // The view now holds what matters of the snapshot; the state object is only filled again to write one.
        _state.State = UserGraphState.Released;
        var recovered = JournalReplay.Recover(UserId, snapshot, records);
        _view = recovered.View;
        _outbox = recovered.Outbox;
        _sequence = recovered.Sequence;
        _snapshotSequence = snapshot.JournalSequence;
        _entriesSinceSnapshot = recovered.EntriesSinceSnapshot;
        _deliveriesPendingThrough = recovered.DeliveryPending ? recovered.Sequence : 0;
        _deliveriesAcknowledgedThrough = 0;
        _acknowledgeWhenDrained = recovered.DeliveryPending;
    }

    private void StartDrain()
    {
        if (_draining || (_outbox.IsEmpty && !AcknowledgementDue))
        {
            return;
        }

        _draining = true;
        _ = DrainOutboxAsync();
    }

    /// <summary>
    /// Runs in the grain's context but outside any request, so requests keep flowing while a
    /// delivery is awaited. Every peer is attempted; a failure schedules a retry for later.
    /// </summary>
    private async Task DrainOutboxAsync()
    {
        var failed = false;
        try
        {
            while (!_outbox.IsEmpty && !failed)
            {
                foreach (var (peerId, version) in _outbox.Pending.ToArray())
                {
                    try
                    {
                        await Replica(peerId).SyncEdgesFromAsync(UserId);
                        _outbox = _outbox.Acknowledge(peerId, version);
                    }
                    catch (Exception exception)
                    {
                        failed = true;
                        LogDeliveryFailed(exception, UserId, peerId);
                    }
                }
            }

            if (!failed && AcknowledgementDue)
            {
                // Every entry up to here is delivered: the outbox is empty at this point.
                var through = _sequence;
                await _journal.AcknowledgeDeliveriesAsync(UserId, through, _snapshotSequence);
                _deliveriesAcknowledgedThrough = Math.Max(_deliveriesAcknowledgedThrough, through);
                _acknowledgeWhenDrained = false;
            }
        }
        catch (Exception exception)
        {
            failed = true;
            LogAcknowledgementFailed(exception, UserId);
        }
        finally
        {
            _draining = false;
        }

        if (failed)
        {
            ScheduleRetry();
        }
        else
        {
            _retryDelay = _peerSync.FirstRetryDelay;
        }
    }

    private void ScheduleRetry()
    {
        if (_retryTimer is not null)
        {
            return;
        }

        var delay = _retryDelay;
        _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, _peerSync.MaxRetryDelay.Ticks));
        _retryTimer = this.RegisterGrainTimer(
            () =>
            {
                _retryTimer?.Dispose();
                _retryTimer = null;
                StartDrain();
                return Task.CompletedTask;
            },
            delay,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Storage still lists deliveries as pending that are done, and someone asked for the record
    /// to be put straight: the sweeper, or an activation that found them. A grain that is up
    /// does not write an acknowledgement after every delivery: that would cost a database write
    /// per follow. It does so when the sweeper asks (once per sweep period at most) or when it
    /// deactivates, so only a crash leaves entries for the sweeper to act on.
    /// </summary>
    private bool AcknowledgementDue => _acknowledgeWhenDrained && _deliveriesPendingThrough > _deliveriesAcknowledgedThrough;

    private IUserGraphReplica Replica(long userId) => GrainFactory.GetGrain<IUserGraphReplica>(userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: delivery to peer {PeerId} failed; will retry")]
    private partial void LogDeliveryFailed(Exception exception, long userId, long peerId);

    [LoggerMessage(Level = LogLevel.Error, Message = "User {UserId}: re-reading state after a failed write failed; deactivating")]
    private partial void LogResynchronizationFailed(Exception exception, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: connection with {OtherId} decided, but this user's copy was not stored; it will follow")]
    private partial void LogProjectionNotStored(Exception exception, long userId, long otherId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: a stored change could not be published to its change stream")]
    private partial void LogPublishFailed(Exception exception, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: storing that deliveries are done failed; will retry")]
    private partial void LogAcknowledgementFailed(Exception exception, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: writing a snapshot failed; the journal keeps every change")]
    private partial void LogSnapshotFailed(Exception exception, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId}: could not store that deliveries are done on deactivation")]
    private partial void LogOutboxNotCleared(Exception exception, long userId);
}
