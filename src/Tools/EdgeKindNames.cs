using UserGraph.Grains.Interfaces;

namespace UserGraph.Tools;

/// <summary>The names of <see cref="EdgeKind"/> in files, and which community mode each belongs to.</summary>
public static class EdgeKindNames
{
    public static string Name(EdgeKind kind) => kind switch
    {
        EdgeKind.Follow => "follow",
        EdgeKind.Hide => "hide",
        EdgeKind.Block => "block",
        EdgeKind.Connection => "connection",
        EdgeKind.ConnectionRequest => "connection_request",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(ReadOnlySpan<char> name, out EdgeKind kind)
    {
        switch (name)
        {
            case "follow": kind = EdgeKind.Follow; return true;
            case "hide": kind = EdgeKind.Hide; return true;
            case "block": kind = EdgeKind.Block; return true;
            case "connection": kind = EdgeKind.Connection; return true;
            case "connection_request": kind = EdgeKind.ConnectionRequest; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>Whether a community in <paramref name="mode"/> has edges of this kind (hides and blocks exist in both).</summary>
    public static bool BelongsTo(EdgeKind kind, CommunityMode mode) => kind switch
    {
        EdgeKind.Follow => mode == CommunityMode.Follow,
        EdgeKind.Connection or EdgeKind.ConnectionRequest => mode == CommunityMode.Connection,
        _ => true,
    };

    /// <summary>The rejection of a row a community in <paramref name="mode"/> cannot hold, or <c>null</c>.</summary>
    public static RejectedRow? RefusedIn(CommunityMode mode, long lineNumber, EdgeRow row) =>
        BelongsTo(row.Kind, mode)
            ? null
            : new RejectedRow(lineNumber, $"a {Name(row.Kind)} row in a {mode.ToString().ToLowerInvariant()}-mode community", CsvEdgeRows.Format(row));
}
