using Orleans.Streams;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Samples.ChatPolicy;

/// <summary>
/// A service co-hosted in the silo that uses the graph: it answers the chat rule from the user's
/// graph grain, and subscribes to the user's change stream to tell the chat front end when a
/// conversation opens or closes (someone hides, unfollows, connects...).
/// </summary>
public sealed class ChatPolicyGrain : Grain, IChatPolicyGrain, IAsyncObserver<GraphChange>
{
    private readonly Dictionary<long, bool> _allowed = [];
    private readonly List<ConversationNotice> _notices = [];

    private long UserId => this.GetPrimaryKeyLong();

    private IAsyncStream<GraphChange> Changes =>
        this.GetStreamProvider(GraphChangeStreams.ProviderName).GetStream<GraphChange>(GraphChangeStreams.ForUser(UserId));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Subscriptions outlive activations; a new activation re-attaches to them.
        foreach (var handle in await Changes.GetAllSubscriptionHandles())
        {
            await handle.ResumeAsync(this);
        }
    }

    public async Task<bool> CanMessageAsync(long recipientId)
    {
        var allowed = ChatRule.AllowsMessage(await Graph.GetRelationshipAsync(recipientId));
        _allowed[recipientId] = allowed;
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
        if ((await Changes.GetAllSubscriptionHandles()).Count == 0)
        {
            await Changes.SubscribeAsync(this);
        }
    }

    public Task<ConversationNotice[]> GetNoticesAsync() => Task.FromResult(_notices.ToArray());

    public async Task OnNextAsync(GraphChange change, StreamSequenceToken? token = null)
    {
        // The event says what changed; the rule needs the whole relation, read after the change.
        var allowed = ChatRule.AllowsMessage(await Graph.GetRelationshipAsync(change.OtherUserId));
        var known = _allowed.TryGetValue(change.OtherUserId, out var before) ? before : (bool?)null;
        _allowed[change.OtherUserId] = allowed;
        if (known != allowed && (known is not null || allowed))
        {
            _notices.Add(new ConversationNotice(change.OtherUserId, allowed, change.GraphVersion));
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    private IUserGraphGrain Graph => GrainFactory.GetGrain<IUserGraphGrain>(UserId);
}
