namespace UserGraph.Grains;

/// <summary>What a connection's owner decided for an action of the other user.</summary>
/// <param name="Record">The pair's record afterwards; <c>null</c> for no relationship.</param>
/// <param name="MirrorPending">The actor's mirror of the record was not stored within the wait bound.</param>
[GenerateSerializer]
[Alias("UserGraph.ConnectionDecision")]
public sealed record ConnectionDecision(
    [property: Id(0)] ConnectionRecord? Record,
    [property: Id(1)] bool MirrorPending);
