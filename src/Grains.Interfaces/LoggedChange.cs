namespace UserGraph.Grains.Interfaces;

/// <summary>One entry of the durable change log: the change, as the stream published it, and when it was stored.</summary>
[GenerateSerializer]
[Alias("UserGraph.LoggedChange")]
public sealed record LoggedChange(
    [property: Id(0)] GraphChange Change,
    [property: Id(1)] DateTimeOffset Created);
