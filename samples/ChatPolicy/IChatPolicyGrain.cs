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

    /// <summary>
    /// Starts following this user's graph changes (e.g. when the user opens the chat); after an
    /// <see cref="UnwatchAsync"/>, first catches up on every change made meanwhile.
    /// </summary>
    [Alias("Watch")]
    Task WatchAsync();

    /// <summary>Stops following changes (the chat was closed); the place in the log is kept for the next watch.</summary>
    [Alias("Unwatch")]
    Task UnwatchAsync();

    /// <summary>Conversations that opened or closed since watching first began, oldest first; kept across restarts.</summary>
    [Alias("GetNotices")]
    Task<ConversationNotice[]> GetNoticesAsync();
}
