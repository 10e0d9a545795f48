namespace UserGraph.Grains;

/// <summary>A queued write once it is durable: the view just before it and just after it.</summary>
public sealed record StoredWrite(GraphWrite Write, UserGraphView Before, UserGraphView After)
{
    // Read by the persistence (to mark the journal entry) and by the grain (to mark the outbox).
    private IReadOnlyList<long>? _peersToMirror;

    public bool Changed => !ReferenceEquals(Before, After);

    /// <summary>
    /// The peers whose mirror of this user's facts must be brought up to date: every peer of a
    /// write to owned facts, and those peers of any other write whose owned facts it changed (a
    /// block arriving as a mirror drops this user's own follow of the blocker). Never the peers
    /// of an erasure: the erased user must not be told anything again.
    /// </summary>
    public IReadOnlyList<long> PeersToMirror => _peersToMirror ??= Write.Kind switch
    {
        GraphWriteKind.Owned => Write.Peers,
        GraphWriteKind.Mirror when Changed => [.. Write.Peers.Where(peer => !Before.EdgesToward(peer).Equals(After.EdgesToward(peer)))],
        _ => [],
    };
}
