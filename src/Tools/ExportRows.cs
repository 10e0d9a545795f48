using UserGraph.Grains;

namespace UserGraph.Tools;

/// <summary>The rows an export writes for a user's stored graph.</summary>
public static class ExportRows
{
    /// <summary>
    /// The facts <paramref name="userId"/> owns, each edge of the whole graph once: its follows,
    /// hides and blocks, and the connections it decides (<see cref="FactOwnership"/>). In kind
    /// order, then by the other user's id.
    /// </summary>
    public static IEnumerable<EdgeRow> Owned(long userId, UserGraphSnapshot graph)
    {
        foreach (var to in graph.Followings)
        {
            yield return new EdgeRow(EdgeKind.Follow, userId, to);
        }

        foreach (var to in graph.Hidden)
        {
            yield return new EdgeRow(EdgeKind.Hide, userId, to);
        }

        foreach (var to in graph.Blocking ?? [])
        {
            yield return new EdgeRow(EdgeKind.Block, userId, to);
        }

        foreach (var row in Connections(userId, graph, otherId => FactOwnership.OwnsConnection(userId, otherId)))
        {
            yield return row;
        }
    }

    /// <summary>
    /// One user's own data, for portability: follows both ways, the user's own hides and blocks
    /// (not who hides or blocks them, which is the other user's private choice), and every
    /// connection and request either way. In kind order, then by from and to.
    /// </summary>
    public static IEnumerable<EdgeRow> Touching(long userId, UserGraphSnapshot graph) =>
        Owned(userId, graph).Where(r => r.Kind is EdgeKind.Follow or EdgeKind.Hide or EdgeKind.Block)
            .Concat(graph.Followers.Select(from => new EdgeRow(EdgeKind.Follow, from, userId)))
            .Concat(Connections(userId, graph, _ => true))
            .OrderBy(r => r.Kind).ThenBy(r => r.From).ThenBy(r => r.To);

    // A rejected request is exported as a request: the requester was never told, and the
    // importing side shows it as the requester saw it.
    private static IEnumerable<EdgeRow> Connections(long userId, UserGraphSnapshot graph, Func<long, bool> include) =>
        (graph.Connections ?? [])
            .Where(c => include(c.Key))
            .Select(c => new EdgeRow(
                c.Value.Connected ? EdgeKind.Connection : EdgeKind.ConnectionRequest,
                c.Value.RequesterId,
                c.Value.RequesterId == userId ? c.Key : userId,
                c.Value.Created))
            .OrderBy(r => r.Kind).ThenBy(r => r.From == userId ? r.To : r.From);
}
