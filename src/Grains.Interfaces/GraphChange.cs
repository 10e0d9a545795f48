namespace UserGraph.Grains.Interfaces;

/// <summary>
/// One durable change of a user's graph, published on that user's stream (see
/// <see cref="GraphChangeStreams"/>) after it was stored, in the order the user's grain stored them.
/// </summary>
/// <param name="UserId">Whose graph changed (the stream's key).</param>
/// <param name="OtherUserId">The other user of the changed relation.</param>
/// <param name="Kind">What changed, from <paramref name="UserId"/>'s side.</param>
/// <param name="Connection">The connection status afterwards, as <paramref name="UserId"/> sees it.</param>
/// <param name="GraphVersion">
/// The user's graph version after the change. The events of one change share a version; a jump of
/// more than one between consecutive events means events were lost (a silo crash), and the
/// subscriber should catch up with <see cref="IUserGraphGrain.GetChangesSinceAsync"/> from the last
/// <see cref="Position"/> it handled.
/// </param>
[GenerateSerializer]
[Alias("UserGraph.GraphChange")]
public sealed record GraphChange(
    [property: Id(0)] long UserId,
    [property: Id(1)] long OtherUserId,
    [property: Id(2)] GraphChangeKind Kind,
    [property: Id(3)] ConnectionStatus Connection,
    [property: Id(4)] long GraphVersion)
{
    /// <summary>
    /// The change's position in the durable change log: only grows, and within one user follows
    /// the order the changes were stored in. A subscriber that stores the last position it handled
    /// resumes after a crash with <see cref="IUserGraphGrain.GetChangesSinceAsync"/>, losing nothing.
    /// 0 in events of releases before the log.
    /// </summary>
    [Id(5)]
    public long Position { get; init; }
}
