namespace UserGraph.Samples.ChatPolicy;

/// <summary>In a room, <paramref name="SenderId"/> may not message <paramref name="RecipientId"/>: one of them blocks or hides the other.</summary>
[GenerateSerializer]
[Alias("UserGraph.Samples.RoomMessageBan")]
public sealed record RoomMessageBan(
    [property: Id(0)] long SenderId,
    [property: Id(1)] long RecipientId);
