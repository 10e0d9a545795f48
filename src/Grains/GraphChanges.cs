using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>The change events one stored write produced for one other user.</summary>
public static class GraphChanges
{
    public static IEnumerable<GraphChange> Between(UserGraphState before, UserGraphState after, long otherId)
    {
        var connection = ConnectionStateMachine.StatusFor(after.Connections.Get(otherId), after.OwnerId);
        GraphChange Change(GraphChangeKind kind) => new(after.OwnerId, otherId, kind, connection, after.Version);

        // The block first: the follows and connection it ended follow as their own events.
        if (Flipped(before.Blocking, after.Blocking, otherId, out var blocks))
        {
            yield return Change(blocks ? GraphChangeKind.Blocked : GraphChangeKind.Unblocked);
        }

        if (Flipped(before.BlockedBy, after.BlockedBy, otherId, out var blocked))
        {
            yield return Change(blocked ? GraphChangeKind.BlockedBy : GraphChangeKind.UnblockedBy);
        }

        if (Flipped(before.Followings, after.Followings, otherId, out var follows))
        {
            yield return Change(follows ? GraphChangeKind.Followed : GraphChangeKind.Unfollowed);
        }

        if (Flipped(before.Followers, after.Followers, otherId, out var followed))
        {
            yield return Change(followed ? GraphChangeKind.GainedFollower : GraphChangeKind.LostFollower);
        }

        if (Flipped(before.Hidden, after.Hidden, otherId, out var hides))
        {
            yield return Change(hides ? GraphChangeKind.Hid : GraphChangeKind.Unhid);
        }

        if (Flipped(before.HiddenBy, after.HiddenBy, otherId, out var hidden))
        {
            yield return Change(hidden ? GraphChangeKind.HiddenBy : GraphChangeKind.UnhiddenBy);
        }

        var previous = ConnectionStateMachine.StatusFor(before.Connections.Get(otherId), before.OwnerId);
        if (previous != connection)
        {
            yield return Change(connection switch
            {
                ConnectionStatus.Connected => GraphChangeKind.ConnectionAccepted,
                ConnectionStatus.None => GraphChangeKind.ConnectionRemoved,
                _ => GraphChangeKind.ConnectionRequested,
            });
        }
    }

    /// <summary>The one change of a user's own erasure.</summary>
    public static GraphChange Erased(UserGraphState after) =>
        new(after.OwnerId, 0, GraphChangeKind.Erased, ConnectionStatus.None, after.Version);

    /// <summary>The changes with the change log positions they were stored at (none when the log gave none).</summary>
    public static IReadOnlyList<GraphChange> AtPositions(IReadOnlyList<GraphChange> changes, long[] positions) =>
        positions.Length != changes.Count ? changes : [.. changes.Select((change, i) => change with { Position = positions[i] })];

    private static bool Flipped(UserIdSet before, UserIdSet after, long id, out bool present)
    {
        present = after.Contains(id);
        return !ReferenceEquals(before, after) && before.Contains(id) != present;
    }
}
