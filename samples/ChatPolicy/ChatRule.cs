using UserGraph.Grains.Interfaces;

namespace UserGraph.Samples.ChatPolicy;

/// <summary>
/// Who may send whom a private message: users who follow each other, or are connected, and
/// never when either hides or blocks the other. In a room (a group chat, a lobby) members may
/// message one another without following, but still never across a hide or a block. Pure, so it
/// is tested without a cluster.
/// </summary>
public static class ChatRule
{
    private const PairRelation Refusals = PairRelation.Blocks | PairRelation.Hides;

    public static bool AllowsMessage(Relationship senderToRecipient) =>
        (senderToRecipient.IsMutualFollow || senderToRecipient.Connection == ConnectionStatus.Connected)
        && !senderToRecipient.IsHiddenEitherWay
        && !senderToRecipient.IsBlockedEitherWay;

    /// <summary>Every ordered pair of the room's members where the first may not message the second.</summary>
    public static RoomMessageBan[] BansIn(RoomRelations room)
    {
        var bans = new List<RoomMessageBan>();
        var members = room.Members;
        for (var i = 0; i < members.Length; i++)
        {
            for (var j = 0; j < members.Length; j++)
            {
                var eitherWay = room.Relations[(i * members.Length) + j] | room.Relations[(j * members.Length) + i];
                if (i != j && (eitherWay & Refusals) != 0)
                {
                    bans.Add(new RoomMessageBan(members[i], members[j]));
                }
            }
        }

        return [.. bans];
    }
}
