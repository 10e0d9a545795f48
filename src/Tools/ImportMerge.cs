using UserGraph.Grains;

namespace UserGraph.Tools;

/// <summary>
/// Adds what an import says about a user to what storage already holds for them. Nothing is
/// removed that was there, except what a block (stored or imported) severs, as the grain would:
/// no follow either way and no connection record across a block. Because both users of a pair
/// see the same blocks, both views of every edge stay consistent.
/// </summary>
public static class ImportMerge
{
    /// <returns>The snapshot to store, or <c>null</c> when the import adds nothing (a repeated import).</returns>
    public static UserGraphSnapshot? Into(UserGraphSnapshot stored, ImportedUser imported)
    {
        var blocking = SortedIdArrays.Union(stored.Blocking ?? [], imported.Blocking);
        var blockedBy = SortedIdArrays.Union(stored.BlockedBy ?? [], imported.BlockedBy);
        var severed = new HashSet<long>(blocking);
        severed.UnionWith(blockedBy);

        var connections = stored.Connections is null ? null : new Dictionary<long, ConnectionRecord>(stored.Connections);
        foreach (var (otherId, record) in imported.Connections ?? [])
        {
            if (!severed.Contains(otherId) && !(connections?.ContainsKey(otherId) ?? false))
            {
                (connections ??= [])[otherId] = record;
            }
        }

        foreach (var otherId in severed)
        {
            connections?.Remove(otherId);
        }

        var merged = new UserGraphSnapshot
        {
            Followings = SortedIdArrays.Except(SortedIdArrays.Union(stored.Followings, imported.Followings), severed),
            Followers = SortedIdArrays.Except(SortedIdArrays.Union(stored.Followers, imported.Followers), severed),
            Hidden = SortedIdArrays.Union(stored.Hidden, imported.Hidden),
            HiddenBy = SortedIdArrays.Union(stored.HiddenBy, imported.HiddenBy),
            Blocking = blocking.Length == 0 ? null : blocking,
            BlockedBy = blockedBy.Length == 0 ? null : blockedBy,
            Connections = connections is { Count: > 0 } ? connections : null,
            PendingMirrors = stored.PendingMirrors,
            JournalSequence = stored.JournalSequence,
            Version = stored.Version + 1,
        };

        return SameEdges(stored, merged) ? null : merged;
    }

    private static bool SameEdges(UserGraphSnapshot a, UserGraphSnapshot b) =>
        a.Followings.AsSpan().SequenceEqual(b.Followings)
        && a.Followers.AsSpan().SequenceEqual(b.Followers)
        && a.Hidden.AsSpan().SequenceEqual(b.Hidden)
        && a.HiddenBy.AsSpan().SequenceEqual(b.HiddenBy)
        && (a.Blocking ?? []).AsSpan().SequenceEqual(b.Blocking ?? [])
        && (a.BlockedBy ?? []).AsSpan().SequenceEqual(b.BlockedBy ?? [])
        && (a.Connections?.Count ?? 0) == (b.Connections?.Count ?? 0)
        && (b.Connections ?? []).Keys.All(otherId => a.Connections!.ContainsKey(otherId));
}
