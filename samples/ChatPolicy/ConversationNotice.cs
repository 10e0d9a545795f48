namespace UserGraph.Samples.ChatPolicy;

/// <summary>Messaging with <paramref name="OtherUserId"/> became allowed or forbidden, because of a graph change.</summary>
[GenerateSerializer]
[Alias("UserGraph.Samples.ConversationNotice")]
public sealed record ConversationNotice(
    [property: Id(0)] long OtherUserId,
    [property: Id(1)] bool Allowed,
    [property: Id(2)] long GraphVersion);
