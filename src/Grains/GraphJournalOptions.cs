namespace UserGraph.Grains;

/// <summary>When a user's journal is folded into a new snapshot, bound from the <c>Graph:Journal</c> section.</summary>
/// <remarks>
/// A snapshot costs bytes in proportion to the graph, so it is taken after a number of entries
/// that also grows with the graph: the snapshot's cost spread over the entries it replaces stays
/// about the same per change whether the user has ten edges or a million.
/// </remarks>
public sealed class GraphJournalOptions
{
    public const string SectionName = "Graph:Journal";

    /// <summary>Fewest entries between snapshots, for small graphs.</summary>
    public int MinEntriesBetweenSnapshots { get; set; } = 64;

    /// <summary>For large graphs: a snapshot after (edges / this) entries, so one snapshot is spread over that many changes.</summary>
    public int EdgesPerEntryBetweenSnapshots { get; set; } = 32;

    public bool IsSnapshotDue(int entriesSinceSnapshot, int edgeCount) =>
        entriesSinceSnapshot >= Math.Max(MinEntriesBetweenSnapshots, edgeCount / Math.Max(1, EdgesPerEntryBetweenSnapshots));
}
