using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Streams;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// One user's graph, held in memory as an immutable <see cref="UserGraphView"/> and persisted as
/// one state row; also the delivery end of <see cref="IUserGraphReplica"/> for its peers, and
/// the authority for the connections it has with users of higher id.
/// </summary>
/// <remarks>
/// <para>
/// Reads are <see cref="ReadOnlyAttribute"/> and see <see cref="_view"/>, which only ever points
/// at a durable view: a write stores the next view first and swaps it in afterwards.
/// </para>
/// <para>
/// A change to an edge this user owns is stored together with an outbox mark for the peer, then
/// delivered in the background (never awaited inside a request, so two users acting on each
/// other cannot deadlock). Failed deliveries are retried by a timer while active and by a
/// durable reminder, registered before the mark is stored, after a crash.
/// </para>
/// </remarks>
public sealed partial class UserGraphGrain : Grain, IUserGraphGrain, IUserGraphReplica, IRemindable
{
    private const string PeerSyncReminder = "peer-sync";

    private readonly IPersistentState<UserGraphState> _state;
    private readonly PeerSyncOptions _peerSync;
    private readonly ILogger<UserGraphGrain> _logger;

    private UserGraphView _view = UserGraphView.Empty(0);
    private PeerSyncOutbox _outbox = PeerSyncOutbox.Empty;
    private bool _storedOutboxIsEmpty = true;
    private bool _reminderRegistered;
    private bool _draining;
    private IGrainTimer? _retryTimer;
    private IAsyncStream<GraphChange>? _changes;
    private TimeSpan _retryDelay;

    public UserGraphGrain(
        [PersistentState(GraphStorage.UserGraphStateName, GraphStorage.ProviderName)]
        IPersistentState<UserGraphState> state,
        IOptions<PeerSyncOptions> peerSync,
        ILogger<UserGraphGrain> logger)
    {
        _state = state;
        _peerSync = peerSync.Value;
        _logger = logger;
        _retryDelay = _peerSync.FirstRetryDelay;
    }

    private long UserId => this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _changes = this.GetStreamProvider(GraphChangeStreams.ProviderName)
            .GetStream<GraphChange>(GraphChangeStreams.ForUser(UserId));
        LoadFromState();
        // A stored mark means the reminder was registered before it was stored.
        _reminderRegistered = !_outbox.IsEmpty;
        StartDrain();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_outbox.IsEmpty && !_storedOutboxIsEmpty)
        {
            try
            {
                await PersistAsync(_view, _outbox);
            }
            catch (Exception exception)
            {
                // Harmless: the reminder re-delivers the stored marks, and deliveries are idempotent.
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

        var next = _view;
        var corrected = new List<long>();
        foreach (var chunk in candidates.Chunk(64))
        {
            var edges = await Task.WhenAll(chunk.Select(owner => Replica(owner).GetEdgesTowardAsync(UserId)));
            for (var i = 0; i < chunk.Length; i++)
            {
                var repaired = next.WithEdgesFrom(chunk[i], edges[i]);
                if (!ReferenceEquals(repaired, next))
                {
                    corrected.Add(chunk[i]);
                }

                next = repaired;
            }
        }

        if (corrected.Count > 0)
        {
            await PersistAsync(next, _outbox, [.. corrected]);
        }

        return corrected.Count;
    }

    public async Task SyncEdgesFromAsync(long ownerId)
    {
        if (ownerId <= 0 || ownerId == UserId)
        {
            return;
        }

        var edges = await Replica(ownerId).GetEdgesTowardAsync(UserId);
        var next = _view.WithEdgesFrom(ownerId, edges);
        if (!ReferenceEquals(next, _view))
        {
            await PersistAsync(next, _outbox, ownerId);
        }
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
            await PersistAsync(next, outbox, erasedUserId);
        }
    }

    public async Task<long[]> EraseOwnGraphAsync()
    {
        var mentioned = _view.MentionedUsers.Concat(_outbox.Pending.Select(p => p.Key)).Distinct().ToArray();

        // The version keeps rising so that no ETag handed out before the erasure matches after it.
        await PersistAsync(UserGraphView.Empty(UserId) with { Version = _view.Version + 1 }, PeerSyncOutbox.Empty);
        if (_reminderRegistered && await this.GetReminder(PeerSyncReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _reminderRegistered = false;
        }

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
                await PersistAsync(next, _outbox, otherId);
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
        if (reminderName != PeerSyncReminder)
        {
            return;
        }

        if (!_outbox.IsEmpty)
        {
            StartDrain();
            return;
        }

        // Clear the stored marks before dropping the reminder that would re-deliver them.
        if (!_storedOutboxIsEmpty)
        {
            await PersistAsync(_view, _outbox);
        }

        var reminder = await this.GetReminder(PeerSyncReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderRegistered = false;
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

        if (!_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(PeerSyncReminder, _peerSync.ReminderPeriod, _peerSync.ReminderPeriod);
            _reminderRegistered = true;
        }

        await PersistAsync(next, _outbox.Mark(peerId, next.Version), peerId);
        StartDrain();
        return true;
    }

    /// <param name="changedPeers">The users whose relation to this one the write changes, for change events.</param>
    private async Task PersistAsync(UserGraphView next, PeerSyncOutbox outbox, params long[] changedPeers)
    {
        var before = _view;
        _state.State = UserGraphState.From(next, outbox);
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            await ResynchronizeAfterFailedWriteAsync();
            throw;
        }

        _view = next;
        _outbox = outbox;
        _storedOutboxIsEmpty = outbox.IsEmpty;
        await PublishChangesAsync(changedPeers.SelectMany(peer => GraphChanges.Between(before, next, peer)));
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
                await _changes!.OnNextAsync(change);
            }
        }
        catch (Exception exception)
        {
            LogPublishFailed(exception, UserId);
        }
    }

    /// <summary>
    /// A failed write may still have reached the database (a timeout after commit), and leaves
    /// the stored version unknown, so the grain re-reads what is stored and delivers any marks it
    /// holds. If even that fails it keeps serving the last view it knows was durable and
    /// deactivates, so the next activation loads afresh instead of writing with a stale version.
    /// </summary>
    private async Task ResynchronizeAfterFailedWriteAsync()
    {
        try
        {
            await _state.ReadStateAsync();
            LoadFromState();
            StartDrain();
        }
        catch (Exception exception)
        {
            LogResynchronizationFailed(exception, UserId);
            DeactivateOnIdle();
        }
    }

    private void LoadFromState()
    {
        _view = _state.State.ToView(UserId);
        _outbox = _state.State.ToOutbox();
        _storedOutboxIsEmpty = _outbox.IsEmpty;
    }

    private void StartDrain()
    {
        if (_draining || _outbox.IsEmpty)
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

    private IUserGraphReplica Replica(long userId) => GrainFactory.GetGrain<IUserGraphReplica>(userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: delivery to peer {PeerId} failed; will retry")]
    private partial void LogDeliveryFailed(Exception exception, long userId, long peerId);

    [LoggerMessage(Level = LogLevel.Error, Message = "User {UserId}: re-reading state after a failed write failed; deactivating")]
    private partial void LogResynchronizationFailed(Exception exception, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: connection with {OtherId} decided, but this user's copy was not stored; it will follow")]
    private partial void LogProjectionNotStored(Exception exception, long userId, long otherId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: a stored change could not be published to its change stream")]
    private partial void LogPublishFailed(Exception exception, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId}: could not store the emptied outbox on deactivation")]
    private partial void LogOutboxNotCleared(Exception exception, long userId);
}
