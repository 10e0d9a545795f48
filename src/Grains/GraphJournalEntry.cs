namespace UserGraph.Grains;

/// <summary>
/// One stored change of a user's graph, appended to the user's journal instead of rewriting the
/// whole state: the graph version it produced and the full relation to each peer it touched.
/// Stored with the Orleans binary serializer, like the snapshot: add members with new ids only.
/// </summary>
/// <param name="MarksPeers">The entry changed facts this user owns, whose mirrors must be delivered.</param>
/// <param name="MarkedPeers">
/// The peers to deliver to when only some of <paramref name="Peers"/> are (an entry that stores
/// several writes at once); <c>null</c> for all of them, as entries of earlier releases say.
/// </param>
/// <remarks>
/// An entry with no peers marks the point a snapshot was taken at; it carries no user data, so
/// an erasure leaves nothing behind in the journal.
/// </remarks>
[GenerateSerializer]
[Alias("UserGraph.GraphJournalEntry.v1")]
public sealed record GraphJournalEntry(
    [property: Id(0)] long Version,
    [property: Id(1)] PeerFacts[] Peers,
    [property: Id(2)] bool MarksPeers,
    [property: Id(3)] long[]? MarkedPeers = null)
{
    public static GraphJournalEntry SnapshotMarker(long version) => new(version, [], false);

    /// <summary>The peers whose mirrors this entry leaves to deliver.</summary>
    public IEnumerable<long> PeersToMirror => !MarksPeers ? [] : MarkedPeers ?? Peers.Select(facts => facts.PeerId);
}
