namespace UserGraph.Samples.ChatPolicy;

/// <summary>One user's chat policy, kept current by that user's graph change events.</summary>
[Alias("UserGraph.Samples.IChatPolicyGrain")]
public interface IChatPolicyGrain : IGrainWithIntegerKey
{
    /// <summary>Whether this user may send <paramref name="recipientId"/> a private message now.</summary>
    [Alias("CanMessage")]
    Task<bool> CanMessageAsync(long recipientId);

    /// <summary>
    /// The room check: which of <paramref name="members"/> (this user among them) may not message
    /// which, from one call to <see cref="IRoomGraphGrain"/>.
    /// </summary>
    [Alias("GetRoomBans")]
    Task<RoomMessageBan[]> GetRoomBansAsync(long[] members);

    /// <summary>Starts following this user's graph changes (e.g. when the user opens the chat).</summary>
    [Alias("Watch")]
    Task WatchAsync();

    /// <summary>Conversations that opened or closed since watching began, oldest first.</summary>
    [Alias("GetNotices")]
    Task<ConversationNotice[]> GetNoticesAsync();
}
