using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>Which follow edges may exist at all, whoever asks for them.</summary>
public static class FollowRules
{
    /// <exception cref="GraphRuleException">The edge may not exist.</exception>
    public static void EnsureCanFollow(long followerId, long followeeId)
    {
        if (followeeId <= 0)
        {
            throw new GraphRuleException($"User id {followeeId} is not a positive integer.");
        }

        if (followeeId == followerId)
        {
            throw new GraphRuleException("A user cannot follow themselves.");
        }
    }
}
