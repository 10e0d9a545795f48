namespace UserGraph.Samples.ChatPolicy;

/// <summary>
/// What the chat policy keeps across restarts: the last change-log position it handled, so that
/// nothing between that position and a new activation's first event is missed.
/// </summary>
[GenerateSerializer]
[Alias("UserGraph.Samples.ChatPolicyState")]
public sealed class ChatPolicyState
{
    /// <summary>The last <see cref="UserGraph.Grains.Interfaces.GraphChange.Position"/> handled; null before watching first began.</summary>
    [Id(0)]
    public long? LastPosition { get; set; }

    /// <summary>Whether messaging each other user was allowed, as last decided.</summary>
    [Id(1)]
    public Dictionary<long, bool> Allowed { get; set; } = [];

    [Id(2)]
    public List<ConversationNotice> Notices { get; set; } = [];
}
