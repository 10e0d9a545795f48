namespace UserGraph.Gateway;

/// <summary>
/// What a member may learn of a room through the REST API: follows and connections are public,
/// blocks and hides are private to the two users involved, so they appear only on pairs that
/// include the caller, and a pair whose only facts are private to others is left out entirely.
/// </summary>
public static class RoomDisclosure
{
    private const PairRelation Public = PairRelation.Follows | PairRelation.Connected;

    public static RoomAnswer For(long callerId, RoomRelations room)
    {
        var members = room.Members;
        var pairs = new List<RoomPairItem>();
        for (var i = 0; i < members.Length; i++)
        {
            for (var j = 0; j < members.Length; j++)
            {
                var relation = room.Relations[(i * members.Length) + j];
                var callersPair = members[i] == callerId || members[j] == callerId;
                if (i == j || (callersPair ? relation : relation & Public) == PairRelation.None)
                {
                    continue;
                }

                pairs.Add(new RoomPairItem(
                    members[i],
                    members[j],
                    relation.HasFlag(PairRelation.Follows),
                    relation.HasFlag(PairRelation.Connected),
                    callersPair ? relation.HasFlag(PairRelation.Blocks) : null,
                    callersPair ? relation.HasFlag(PairRelation.Hides) : null));
            }
        }

        return new RoomAnswer(members, pairs);
    }
}
