using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>Which edges may exist at all, whoever asks for them.</summary>
public static class EdgeRules
{
    /// <param name="verb">What the edge does, for the message: "follow", "hide".</param>
    /// <exception cref="GraphRuleException">The edge may not exist.</exception>
    public static void EnsureValidTarget(long ownerId, long targetId, string verb)
    {
        if (targetId <= 0)
        {
            throw new GraphRuleException($"User id {targetId} is not a positive integer.");
        }

        if (targetId == ownerId)
        {
            throw new GraphRuleException($"A user cannot {verb} themselves.");
        }
    }

    /// <summary>Whether a one-way edge exists after <paramref name="change"/>, given whether it existed before.</summary>
    public static bool PresentAfter(EdgeChange change, bool presentBefore) => change switch
    {
        EdgeChange.Add => true,
        EdgeChange.Remove => false,
        EdgeChange.Toggle => !presentBefore,
        _ => throw new GraphRuleException($"Unknown edge change {change}."),
    };
}
