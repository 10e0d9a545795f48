using Orleans.Streams;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Samples.ChatPolicy;

/// <summary>
/// A service co-hosted in the silo that uses the graph: it answers the chat rule from the user's
/// graph grain, and follows the user's changes to tell the chat front end when a conversation
/// opens or closes (someone hides, unfollows, connects...).
/// </summary>
/// <remarks>
/// The stream is at most once, so it is only the nudge: what is handled comes from the durable
/// change log after the stored position (<see cref="IUserGraphGrain.GetChangesSinceAsync"/>),
/// in order, each change once. Events lost with a silo, or sent while the chat was closed or
/// this grain was not active, are picked up at the next event, the next watch, or the next
/// catch-up tick while the chat is watched and active.
/// </remarks>
public sealed class ChatPolicyGrain(
    [PersistentState(ChatPolicyGrain.StateName, ChatPolicyGrain.StorageProvider)] IPersistentState<ChatPolicyState> state)
    : Grain, IChatPolicyGrain, IAsyncObserver<GraphChange>
{
    // The silo's graph storage provider; co-hosted services may keep their own state in it under
    // their own state name.
    private const string StorageProvider = "graph";
    private const string StateName = "chat-policy";
    private const int PageSize = 1000;

    // A lost nudge would otherwise leave a change unhandled until the next one arrives; the tick
    // bounds that delay. It does not keep the grain alive: an idle chat still deactivates.
    private static readonly TimeSpan CatchUpInterval = TimeSpan.FromSeconds(2);

    private IGrainTimer? _catchUpTimer;

    private long UserId => this.GetPrimaryKeyLong();

    private IUserGraphGrain Graph => GrainFactory.GetGrain<IUserGraphGrain>(UserId);

    private IAsyncStream<GraphChange> Changes =>
        this.GetStreamProvider(GraphChangeStreams.ProviderName).GetStream<GraphChange>(GraphChangeStreams.ForUser(UserId));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Subscriptions outlive activations; a new activation re-attaches to them.
        var handles = await Changes.GetAllSubscriptionHandles();
        foreach (var handle in handles)
        {
            await handle.ResumeAsync(this);
        }

        if (handles.Count > 0)
        {
            StartCatchUpTicks();
            await CatchUpAsync();
        }
    }

    public async Task<bool> CanMessageAsync(long recipientId)
    {
        var allowed = ChatRule.AllowsMessage(await Graph.GetRelationshipAsync(recipientId));
        // Kept in memory only: a read should not write; the next handled change stores it.
        state.State.Allowed[recipientId] = allowed;
        return allowed;
    }

    public async Task<RoomMessageBan[]> GetRoomBansAsync(long[] members)
    {
        if (!members.Contains(UserId))
        {
            throw new ArgumentException($"User {UserId} is not a member of the room.", nameof(members));
        }

        return ChatRule.BansIn(await GrainFactory.GetGrain<IRoomGraphGrain>(0).AmongAsync(members));
    }

    public async Task WatchAsync()
    {
        if (state.State.LastPosition is null)
        {
            state.State.LastPosition = await Graph.GetChangePositionAsync();
            await state.WriteStateAsync();
        }

        if ((await Changes.GetAllSubscriptionHandles()).Count == 0)
        {
            await Changes.SubscribeAsync(this);
        }

        StartCatchUpTicks();
        await CatchUpAsync();
    }

    public async Task UnwatchAsync()
    {
        foreach (var handle in await Changes.GetAllSubscriptionHandles())
        {
            await handle.UnsubscribeAsync();
        }

        _catchUpTimer?.Dispose();
        _catchUpTimer = null;
    }

    public Task<ConversationNotice[]> GetNoticesAsync() => Task.FromResult(state.State.Notices.ToArray());

    public async Task OnNextAsync(GraphChange change, StreamSequenceToken? token = null)
    {
        if (change.Position > state.State.LastPosition)
        {
            await CatchUpAsync();
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    private void StartCatchUpTicks() =>
        _catchUpTimer ??= this.RegisterGrainTimer(_ => CatchUpAsync(), new GrainTimerCreationOptions(CatchUpInterval, CatchUpInterval));

    private async Task CatchUpAsync()
    {
        if (state.State.LastPosition is not { } before)
        {
            return;
        }

        GraphChangePage page;
        do
        {
            try
            {
                page = await Graph.GetChangesSinceAsync(state.State.LastPosition.Value, PageSize);
            }
            catch (GraphChangesExpiredException)
            {
                // Away longer than the log keeps: what was decided may be stale, so decide again
                // from now on, as for a user who just started watching.
                state.State.Allowed.Clear();
                state.State.LastPosition = await Graph.GetChangePositionAsync();
                break;
            }

            foreach (var logged in page.Changes)
            {
                await HandleAsync(logged.Change);
            }

            state.State.LastPosition = page.NextPosition;
        }
        while (page.Changes.Length == PageSize);

        if (state.State.LastPosition != before)
        {
            await state.WriteStateAsync();
        }
    }

    private async Task HandleAsync(GraphChange change)
    {
        // The change says what changed; the rule needs the whole relation, read now.
        var allowed = ChatRule.AllowsMessage(await Graph.GetRelationshipAsync(change.OtherUserId));
        var known = state.State.Allowed.TryGetValue(change.OtherUserId, out var before) ? before : (bool?)null;
        state.State.Allowed[change.OtherUserId] = allowed;
        if (known != allowed && (known is not null || allowed))
        {
            state.State.Notices.Add(new ConversationNotice(change.OtherUserId, allowed, change.GraphVersion));
        }
    }
}
