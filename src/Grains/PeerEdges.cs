namespace UserGraph.Grains;

/// <summary>
/// What one user's grain holds as the truth about its relation to a peer: the edges it owns, and
/// the pair's connection record when this grain is the pair's authority (the lower id).
/// </summary>
[GenerateSerializer]
[Alias("UserGraph.PeerEdges")]
public sealed record PeerEdges(
    [property: Id(0)] EdgeKinds Owned,
    [property: Id(1)] ConnectionRecord? Connection);
