namespace UserGraph.Grains.Interfaces;

/// <summary>The outcome of a follow or hide write, once it is durable.</summary>
/// <param name="Present">The edge exists afterwards.</param>
/// <param name="Changed">The write changed the edge (false when it already was as asked).</param>
/// <param name="MirrorPending">
/// The other user's side (their followers, counters, hidden-by) was not brought up to date within
/// <c>Graph:Mirror:WaitBound</c> because their grain or its storage failed. The write is durable
/// and the other side follows as soon as it can; without a fault this is always false, and every
/// read that starts after the call returned sees the write on both sides.
/// </param>
[GenerateSerializer]
[Alias("UserGraph.EdgeWriteResult")]
public sealed record EdgeWriteResult(
    [property: Id(0)] bool Present,
    [property: Id(1)] bool Changed,
    [property: Id(2)] bool MirrorPending);
