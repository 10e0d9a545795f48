namespace UserGraph.Tools;

/// <summary>One valid row of an import or export file.</summary>
/// <param name="Created">When the edge was made; kept for connections and requests, optional everywhere.</param>
public readonly record struct EdgeRow(EdgeKind Kind, long From, long To, DateTime? Created = null);
