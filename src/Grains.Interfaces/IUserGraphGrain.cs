namespace UserGraph.Grains.Interfaces;

/// <summary>
/// One user's view of the social graph, keyed by the user's id (a positive 64-bit integer).
/// Every method acts as this user: the grain's key is the actor, the argument is the other user.
/// </summary>
/// <remarks>
/// This interface is a public contract for co-hosted services. Method aliases are part of the
/// wire format: never change or reuse one; add new methods with new aliases instead.
/// </remarks>
[Alias("UserGraph.IUserGraphGrain")]
public interface IUserGraphGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The relationship of this user to each of <paramref name="userIds"/>, in the same order and
    /// with the same length. Ids that are unknown, not positive, or this user's own id answer
    /// <see cref="ConnectionStatus.None"/>.
    /// </summary>
    [Alias("GetStatuses")]
    Task<ConnectionStatus[]> GetStatusesAsync(long[] userIds);

    /// <summary>Whether this user follows <paramref name="userId"/>.</summary>
    [Alias("IsFollowing")]
    Task<bool> IsFollowingAsync(long userId);

    /// <summary>
    /// Makes this user follow <paramref name="userId"/>. Idempotent: following an already followed
    /// user changes nothing. Returns once the change is durable.
    /// </summary>
    /// <returns><c>true</c> when the follow is new, <c>false</c> when it already existed.</returns>
    /// <exception cref="GraphRuleException">The target is this user or not a valid id.</exception>
    [Alias("Follow")]
    Task<bool> FollowAsync(long userId);

    /// <summary>
    /// Makes this user stop following <paramref name="userId"/>. Idempotent. Returns once the
    /// change is durable.
    /// </summary>
    /// <returns><c>true</c> when a follow was removed, <c>false</c> when there was none.</returns>
    /// <exception cref="GraphRuleException">The target is this user or not a valid id.</exception>
    [Alias("Unfollow")]
    Task<bool> UnfollowAsync(long userId);

    /// <summary>
    /// Follows <paramref name="userId"/> if this user does not follow them yet, else unfollows.
    /// This is the legacy toggle of the REST API; prefer the idempotent methods for new code.
    /// </summary>
    /// <returns><c>true</c> when this user follows the target afterwards.</returns>
    /// <exception cref="GraphRuleException">The target is this user or not a valid id.</exception>
    [Alias("ToggleFollow")]
    Task<bool> ToggleFollowAsync(long userId);
}
