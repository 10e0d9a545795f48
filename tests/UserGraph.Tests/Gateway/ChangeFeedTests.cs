using System.Net;
using System.Text.Json;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>The change feed over real HTTP: read-your-writes on both sides, paging, and refusals.</summary>
[Collection(DefaultGatewayCollection.Name)]
public class ChangeFeedTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Without_a_cursor_the_feed_answers_the_current_cursor_and_no_changes()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());
        await client.PutAsync($"/api/v2/user/{TestUsers.NewId()}/follow/", null);

        var answer = await HttpAssert.Json(await client.GetAsync("/api/v2/user/graph/changes/"));

        Assert.Equal(0, answer.GetProperty("results").GetArrayLength());
        Assert.StartsWith("gc1_", answer.GetProperty("next_cursor").GetString());
    }

    [Fact]
    public async Task Both_sides_see_a_follow_in_their_feed_as_soon_as_it_is_acknowledged()
    {
        var (me, other) = (TestUsers.NewId(), TestUsers.NewId());
        using var mine = gateway.ClientFor(me);
        using var theirs = gateway.ClientFor(other);
        var myCursor = await CursorAsync(mine);
        var theirCursor = await CursorAsync(theirs);

        await HttpAssert.Succeeds(mine.PutAsync($"/api/v2/user/{other}/follow/", null));
        var myChanges = await ChangesAsync(mine, myCursor);
        var theirChanges = await ChangesAsync(theirs, theirCursor);

        var followed = Assert.Single(myChanges.Results);
        Assert.Equal(("followed", me, other), (followed.Kind, followed.UserId, followed.OtherUserId));
        var gained = Assert.Single(theirChanges.Results);
        Assert.Equal(("gained_follower", other, me), (gained.Kind, gained.UserId, gained.OtherUserId));
        Assert.True(gained.Created > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(followed.Cursor, myChanges.NextCursor);
    }

    [Fact]
    public async Task Pages_continue_where_the_last_ended_in_the_order_of_the_writes()
    {
        var me = TestUsers.NewId();
        var others = Enumerable.Range(0, 5).Select(_ => TestUsers.NewId()).ToArray();
        using var client = gateway.ClientFor(me);
        var cursor = await CursorAsync(client);
        foreach (var other in others)
        {
            await client.PutAsync($"/api/v2/user/{other}/follow/", null);
        }

        await client.PutAsync($"/api/v2/user/{others[0]}/hide/", null);
        await client.DeleteAsync($"/api/v2/user/{others[1]}/follow/");

        var seen = new List<FeedItem>();
        for (var page = 0; page < 10; page++)
        {
            var answer = await ChangesAsync(client, cursor, limit: 2);
            Assert.True(answer.Results.Count <= 2);
            seen.AddRange(answer.Results);
            if (answer.Results.Count == 0)
            {
                Assert.Equal(cursor, answer.NextCursor);
                break;
            }

            cursor = answer.NextCursor;
        }

        Assert.Equal(
            [.. others.Select(o => ("followed", o)), ("hid", others[0]), ("unfollowed", others[1])],
            seen.Select(c => (c.Kind, c.OtherUserId)));
        Assert.Equal(seen.Select(c => c.Version).Order(), seen.Select(c => c.Version));
    }

    [Fact]
    public async Task The_erased_users_feed_keeps_only_the_erasure_and_their_peers_see_the_loss()
    {
        var (erased, follower) = (TestUsers.NewId(), TestUsers.NewId());
        using var client = gateway.ClientFor(erased);
        using var peer = gateway.ClientFor(follower);
        using var admin = gateway.ClientWithToken(TestJwt.Operator());
        var cursor = await CursorAsync(client);
        await peer.PutAsync($"/api/v2/user/{erased}/follow/", null);
        await client.PutAsync($"/api/v2/user/{follower}/follow/", null);
        var peerCursor = await CursorAsync(peer);

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/admin/users/{erased}")).StatusCode);

        var own = await ChangesAsync(client, cursor);
        Assert.Equal(["erased"], own.Results.Select(c => c.Kind));
        var theirs = await ChangesAsync(peer, peerCursor);
        Assert.Equal(
            ["lost_follower", "unfollowed"],
            theirs.Results.Where(c => c.OtherUserId == erased).Select(c => c.Kind).Order());
    }

    [Theory]
    [InlineData("since=abc")]
    [InlineData("since=gc1_%2F%2F%2F%2F%2F%2F%2F%2F%2F%2F8")]
    [InlineData("since=gc1_gAAAAAAAAAA")]
    [InlineData("since=")]
    [InlineData("limit=0")]
    [InlineData("limit=-3")]
    [InlineData("limit=1e3")]
    public async Task Bad_cursors_and_limits_are_refused_with_a_problem(string query)
    {
        using var client = gateway.ClientFor(TestUsers.NewId());
        var cursor = await CursorAsync(client);
        var path = query.StartsWith("limit", StringComparison.Ordinal)
            ? $"/api/v2/user/graph/changes/?since={cursor}&{query}"
            : $"/api/v2/user/graph/changes/?{query}";

        await HttpAssert.Problem(await client.GetAsync(path), HttpStatusCode.BadRequest, query);
    }

    [Fact]
    public async Task The_cursor_of_position_zero_is_one_the_api_hands_out_and_is_accepted()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var answer = await HttpAssert.Json(await client.GetAsync($"/api/v2/user/graph/changes/?since={UserGraph.Gateway.ChangeCursor.Format(0)}"));

        Assert.Equal(0, answer.GetProperty("results").GetArrayLength());
        Assert.Equal("gc1_AAAAAAAAAAA", answer.GetProperty("next_cursor").GetString());
    }

    [Fact]
    public async Task The_feed_needs_a_token()
    {
        await HttpAssert.Problem(await gateway.Anonymous.GetAsync("/api/v2/user/graph/changes/"), HttpStatusCode.Unauthorized);
    }

    public static async Task<string> CursorAsync(HttpClient client) =>
        (await HttpAssert.Json(await client.GetAsync("/api/v2/user/graph/changes/"))).GetProperty("next_cursor").GetString()!;

    public static async Task<FeedPage> ChangesAsync(HttpClient client, string cursor, int limit = 100)
    {
        var answer = await HttpAssert.Json(await client.GetAsync($"/api/v2/user/graph/changes/?since={cursor}&limit={limit}"));
        return new FeedPage(
            [.. answer.GetProperty("results").EnumerateArray().Select(r => new FeedItem(
                r.GetProperty("kind").GetString()!,
                r.GetProperty("user_id").GetInt64(),
                r.GetProperty("other_user_id").GetInt64(),
                r.GetProperty("version").GetInt64(),
                r.GetProperty("created").GetDateTimeOffset(),
                r.GetProperty("cursor").GetString()!))],
            answer.GetProperty("next_cursor").GetString()!);
    }

    public sealed record FeedItem(string Kind, long UserId, long OtherUserId, long Version, DateTimeOffset Created, string Cursor);

    public sealed record FeedPage(List<FeedItem> Results, string NextCursor);
}
