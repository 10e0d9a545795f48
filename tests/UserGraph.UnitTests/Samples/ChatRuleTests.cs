using UserGraph.Grains.Interfaces;
using UserGraph.Samples.ChatPolicy;

namespace UserGraph.UnitTests.Samples;

public class ChatRuleTests
{
    [Theory]
    [InlineData(true, true, ConnectionStatus.None, false, false, true)]
    [InlineData(true, false, ConnectionStatus.None, false, false, false)]
    [InlineData(false, true, ConnectionStatus.None, false, false, false)]
    [InlineData(false, false, ConnectionStatus.Connected, false, false, true)]
    [InlineData(false, false, ConnectionStatus.ConnectionRequestSent, false, false, false)]
    [InlineData(true, true, ConnectionStatus.None, true, false, false)]
    [InlineData(true, true, ConnectionStatus.None, false, true, false)]
    [InlineData(false, false, ConnectionStatus.Connected, false, true, false)]
    public void Mutual_follows_or_connections_may_message_unless_either_hides(
        bool follows, bool followedBy, ConnectionStatus connection, bool hides, bool hiddenBy, bool allowed)
    {
        var relationship = new Relationship(2, follows, followedBy, connection, hides, hiddenBy);

        Assert.Equal(allowed, ChatRule.AllowsMessage(relationship));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void A_block_either_way_stops_messages_even_between_mutual_follows(bool blocks, bool blockedBy)
    {
        var relationship = new Relationship(2, true, true, ConnectionStatus.None, false, false) { Blocks = blocks, BlockedBy = blockedBy };

        Assert.False(ChatRule.AllowsMessage(relationship));
    }

    [Fact]
    public void In_a_room_only_blocks_and_hides_ban_messages_both_ways()
    {
        // 1 follows 2; 2 hides 3; 4 blocks 1. Row-major: member i toward member j.
        var room = new RoomRelations(
            [1, 2, 3, 4],
            [
                PairRelation.None, PairRelation.Follows, PairRelation.None, PairRelation.None,
                PairRelation.None, PairRelation.None, PairRelation.Hides, PairRelation.None,
                PairRelation.None, PairRelation.None, PairRelation.None, PairRelation.None,
                PairRelation.Blocks, PairRelation.None, PairRelation.None, PairRelation.None,
            ]);

        Assert.Equal(
            [new RoomMessageBan(1, 4), new RoomMessageBan(2, 3), new RoomMessageBan(3, 2), new RoomMessageBan(4, 1)],
            ChatRule.BansIn(room));
    }
}
