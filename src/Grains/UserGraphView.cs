using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// Everything one user's grain knows, as an immutable value: the edges the user owns
/// (followings, hidden) and the reverse views other users' grains keep it informed of
/// (followers, hidden-by), with a version raised by every change.
/// </summary>
/// <remarks>
/// Every change returns a new view (or this one when nothing changed), so the grain can build
/// the next view, store it, and only then make it visible.
/// </remarks>
public sealed record UserGraphView(
    FollowSet Followings,
    FollowSet Followers,
    FollowSet Hidden,
    FollowSet HiddenBy,
    long Version)
{
    public static readonly UserGraphView Empty = new(FollowSet.Empty, FollowSet.Empty, FollowSet.Empty, FollowSet.Empty, 0);

    public UserGraphView WithFollowing(long userId, bool present) =>
        Changed(this with { Followings = Followings.With(userId, present) });

    public UserGraphView WithHidden(long userId, bool present) =>
        Changed(this with { Hidden = Hidden.With(userId, present) });

    /// <summary>The reverse views set to what <paramref name="ownerId"/>'s own grain says it owns.</summary>
    public UserGraphView WithEdgesFrom(long ownerId, EdgeKinds edges) =>
        Changed(this with
        {
            Followers = Followers.With(ownerId, edges.HasFlag(EdgeKinds.Follows)),
            HiddenBy = HiddenBy.With(ownerId, edges.HasFlag(EdgeKinds.Hides)),
        });

    /// <summary>The edges this user owns toward <paramref name="userId"/>.</summary>
    public EdgeKinds EdgesToward(long userId) =>
        (Followings.Contains(userId) ? EdgeKinds.Follows : EdgeKinds.None)
        | (Hidden.Contains(userId) ? EdgeKinds.Hides : EdgeKinds.None);

    public StatusesSnapshot Statuses(long[] userIds)
    {
        var statuses = new ConnectionStatus[userIds.Length];
        for (var i = 0; i < userIds.Length; i++)
        {
            if (Followings.Contains(userIds[i]))
            {
                statuses[i] = ConnectionStatus.Followed;
            }
        }

        return new StatusesSnapshot(Version, statuses);
    }

    public GraphCounters Counters => new(Followers.Count, Followings.Count);

    public UserIdPage FollowersPage(MutualFilter filter, int offset, int limit) =>
        EdgeListing.Page(Followers, Followings, filter, offset, limit);

    public UserIdPage FollowingsPage(MutualFilter filter, int offset, int limit) =>
        EdgeListing.Page(Followings, Followers, filter, offset, limit);

    public UserIdPage HiddenPage(int offset, int limit) =>
        EdgeListing.Page(Hidden, FollowSet.Empty, MutualFilter.Any, offset, limit);

    private UserGraphView Changed(UserGraphView next) =>
        ReferenceEquals(next.Followings, Followings)
        && ReferenceEquals(next.Followers, Followers)
        && ReferenceEquals(next.Hidden, Hidden)
        && ReferenceEquals(next.HiddenBy, HiddenBy)
            ? this
            : next with { Version = Version + 1 };
}
