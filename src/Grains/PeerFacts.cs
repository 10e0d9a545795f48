namespace UserGraph.Grains;

/// <summary>
/// Everything one user's graph says about one other user, after a change: the edges the user
/// owns toward the peer, the edges the peer owns toward the user (as mirrored here), and the
/// pair's connection record. A journal entry stores these whole, so replaying it sets the
/// relation outright and never depends on what came before.
/// </summary>
[GenerateSerializer]
[Alias("UserGraph.PeerFacts.v1")]
public sealed record PeerFacts(
    [property: Id(0)] long PeerId,
    [property: Id(1)] EdgeKinds Owned,
    [property: Id(2)] EdgeKinds Mirrored,
    [property: Id(3)] ConnectionRecord? Connection);
