namespace UserGraph.Grains.Interfaces;

/// <summary>The outcome of a connection action, once it is durable.</summary>
/// <param name="Status">The acting user's status toward the other user afterwards.</param>
/// <param name="MirrorPending">
/// The other side of the pair was not brought up to date within <c>Graph:Mirror:WaitBound</c>
/// because a grain or its storage failed; see <see cref="EdgeWriteResult.MirrorPending"/>.
/// </param>
[GenerateSerializer]
[Alias("UserGraph.ConnectionWriteResult")]
public sealed record ConnectionWriteResult(
    [property: Id(0)] ConnectionStatus Status,
    [property: Id(1)] bool MirrorPending);
