using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>A queued write once it is durable: the view just before it and just after it.</summary>
public sealed record StoredWrite(GraphWrite Write, UserGraphState Before, UserGraphState After)
{
    // Read by the persistence (to mark the journal entry) and by the grain (to mark the outbox).
    private IReadOnlyList<long>? _peersToMirror;
    // Read by the persistence (to log them) and by the grain (to publish them).
    private GraphChange[]? _changes;

    public bool Changed => !ReferenceEquals(Before, After);

    /// <inheritdoc cref="GraphWrite.IsOwnErasure"/>
    public bool IsOwnErasure => Write.IsOwnErasure;

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

    /// <summary>
    /// The change events of this write, for this user: those toward each peer it touched, or the
    /// single <see cref="GraphChangeKind.Erased"/> of the user's own erasure (which names no peer).
    /// </summary>
    public GraphChange[] Changes => _changes ??=
        !Changed ? []
        : IsOwnErasure ? [GraphChanges.Erased(After)]
        : [.. Write.Peers.SelectMany(peer => GraphChanges.Between(Before, After, peer))];
}
