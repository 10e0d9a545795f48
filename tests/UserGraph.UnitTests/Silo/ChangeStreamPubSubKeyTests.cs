using CsCheck;
using Orleans.Runtime;
using UserGraph.Grains.Interfaces;
using UserGraph.Silo;

namespace UserGraph.UnitTests.Silo;

/// <summary>Which pub-sub grain keys name a user's change stream, and whose.</summary>
public class ChangeStreamPubSubKeyTests
{
    [Fact]
    public void Every_user_stream_key_is_Orleans_own_and_parses_back_to_its_user()
    {
        Gen.Long.Sample(userId =>
        {
            var key = new QualifiedStreamId(GraphChangeStreams.ProviderName, GraphChangeStreams.ForUser(userId)).ToString();
            Assert.Equal(ChangeStreamPubSubKey.For(userId), key);
            Assert.True(ChangeStreamPubSubKey.TryParseUserId(key, out var parsed));
            Assert.Equal(userId, parsed);
        });
    }

    [Fact]
    public void Any_other_text_after_the_prefix_is_not_a_user_stream_unless_it_is_an_id_as_written()
    {
        Gen.String.Sample(suffix =>
        {
            var isUser = ChangeStreamPubSubKey.TryParseUserId($"{GraphChangeStreams.ProviderName}/{GraphChangeStreams.Namespace}/{suffix}", out var userId);
            Assert.Equal(isUser, long.TryParse(suffix, out var id) && id.ToString() == suffix);
            if (isUser)
            {
                Assert.Equal(id, userId);
            }
        });
    }

    [Theory]
    [InlineData("graph-changes/user-graph/007")]
    [InlineData("graph-changes/user-graph/+7")]
    [InlineData("graph-changes/user-graph/ 7")]
    [InlineData("graph-changes/user-graph/")]
    [InlineData("graph-changes/user-graph/9223372036854775808")]
    [InlineData("graph-changes/rooms/7")]
    [InlineData("other-provider/user-graph/7")]
    [InlineData("null/7")]
    [InlineData("")]
    public void Other_streams_and_other_spellings_are_not_user_streams(string key) =>
        Assert.False(ChangeStreamPubSubKey.TryParseUserId(key, out _));
}
