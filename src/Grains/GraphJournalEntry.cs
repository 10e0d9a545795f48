namespace UserGraph.Grains;

/// <summary>
/// One stored change of a user's graph, appended to the user's journal instead of rewriting the
/// whole state: the graph version it produced and the full relation to each peer it touched.
/// Stored with the Orleans binary serializer, like the snapshot: add members with new ids only.
/// </summary>
/// <remarks>
/// An entry with no peers marks the point a snapshot was taken at; it carries no user data, so
/// an erasure leaves nothing behind in the journal.
/// </remarks>
[GenerateSerializer]
[Alias("UserGraph.GraphJournalEntry.v1")]
public sealed record GraphJournalEntry(
    [property: Id(0)] long Version,
    [property: Id(1)] PeerFacts[] Peers,
    [property: Id(2)] bool MarksPeers)
{
    public static GraphJournalEntry SnapshotMarker(long version) => new(version, [], false);
}
