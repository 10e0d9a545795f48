using UserGraph.Grains.Interfaces;
using UserGraph.Samples.ChatPolicy;

namespace UserGraph.Tests.Samples;

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
}
