using Orleans.Concurrency;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// Reads one user's grain answers for another user's or a room's query: the parts of a question
/// that only this user's view holds. Internal to the service, not part of the public contract.
/// </summary>
[Alias("UserGraph.IUserGraphPeerQueries")]
public interface IUserGraphPeerQueries : IGrainWithIntegerKey
{
    /// <summary>Those of <paramref name="candidates"/> (ascending) that follow this user, ascending.</summary>
    /// <param name="candidates">Not copied on a call inside the silo (it may hold a million ids): the caller never changes it.</param>
    [AlwaysInterleave]
    [Alias("FollowersAmong")]
    Task<long[]> FollowersAmongAsync([Immutable] long[] candidates);

    /// <summary>Every follower of this user, ascending.</summary>
    [AlwaysInterleave]
    [Alias("GetFollowerIds")]
    Task<long[]> GetFollowerIdsAsync();

    /// <summary>What this user holds toward each of <paramref name="members"/>, in their order (a room's row).</summary>
    [AlwaysInterleave]
    [Alias("GetRoomRow")]
    Task<PairRelation[]> GetRoomRowAsync([Immutable] long[] members);
}
