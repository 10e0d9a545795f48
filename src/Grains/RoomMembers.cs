using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>Which member lists a room query takes.</summary>
public static class RoomMembers
{
    /// <exception cref="GraphRuleException">Too many members, an id that is not positive, or an id given twice.</exception>
    public static void EnsureValid(long[] members)
    {
        if (members.Length > IRoomGraphGrain.MaxMembers)
        {
            throw new GraphRuleException($"A room query covers at most {IRoomGraphGrain.MaxMembers} members; {members.Length} were given.");
        }

        var seen = new HashSet<long>(members.Length);
        foreach (var member in members)
        {
            if (member <= 0)
            {
                throw new GraphRuleException($"User id {member} is not a positive integer.");
            }

            if (!seen.Add(member))
            {
                throw new GraphRuleException($"User {member} is given twice.");
            }
        }
    }
}
