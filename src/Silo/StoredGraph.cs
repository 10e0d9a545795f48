using UserGraph.Grains;

namespace UserGraph.Silo;

/// <summary>A user's graph as storage holds it now (snapshot and journal together).</summary>
/// <param name="RowVersion">The version of the user's snapshot row; <c>null</c> when there is only a journal.</param>
public sealed record StoredGraph(long UserId, UserGraphSnapshot Current, int? RowVersion);
