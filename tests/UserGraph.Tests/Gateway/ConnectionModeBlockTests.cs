using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>Blocking in connection mode, over real HTTP with real tokens, read straight after each answer.</summary>
[Collection(ConnectionModeGatewayCollection.Name)]
public class ConnectionModeBlockTests(ConnectionModeGatewayFixture gateway)
{
    [Fact]
    public async Task A_block_ends_a_connection_and_cancels_requests_both_ways_with_exact_counters()
    {
        var (a, connected, askedByA, askedA) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        using var asA = gateway.ClientFor(a);
        await Act(asA, connected, "connection/request");
        await Act(gateway.ClientFor(connected), a, "connection/accept");
        await Act(asA, askedByA, "connection/request");
        await Act(gateway.ClientFor(askedA), a, "connection/request");
        Assert.Equal((1, 1, 1), await Counters(asA, a));

        // One blocks as the owner of the pair's record, one as its copy holder, one blocks a.
        await HttpAssert.Succeeds(asA.PutAsync($"/api/v2/user/{connected}/block/", null));
        await HttpAssert.Succeeds(gateway.ClientFor(askedByA).PutAsync($"/api/v2/user/{a}/block/", null));
        await HttpAssert.Succeeds(asA.PostAsync($"/api/v2/user/{askedA}/block/", null));

        Assert.Equal((0, 0, 0), await Counters(asA, a));
        foreach (var other in new[] { connected, askedByA, askedA })
        {
            using var asOther = gateway.ClientFor(other);
            Assert.Equal((0, 0, 0), await Counters(asOther, other));
            Assert.Equal([($"{a}", null)], await HttpAssert.Statuses(await asOther.PostAsJsonAsync("/api/v2/user/connection/statuses/", new { users = new[] { a } })));
            Assert.Equal(JsonValueKind.Null, (await HttpAssert.Json(await asA.GetAsync($"/api/v2/user/{other}/connection_status/"))).GetProperty("connection_status").ValueKind);
        }

        Assert.Equal(0, (await HttpAssert.Json(await asA.GetAsync("/api/v2/user/connection/requests/"))).GetProperty("count").GetInt32());
        Assert.Equal(0, (await HttpAssert.Json(await asA.GetAsync("/api/v2/user/connection/requests_sent/"))).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task While_a_block_stands_neither_side_may_ask_to_connect()
    {
        var (a, b) = (TestUsers.NewId(), TestUsers.NewId());
        using var asA = gateway.ClientFor(a);
        using var asB = gateway.ClientFor(b);
        await HttpAssert.Succeeds(asB.PutAsync($"/api/v2/user/{a}/block/", null));

        await HttpAssert.Blocked(await asA.PostAsync($"/api/v2/user/{b}/connection/request/", null));
        await HttpAssert.Blocked(await asB.PostAsync($"/api/v2/user/{a}/connection/request/", null));
        // Accepting what does not exist stays a 400, block or not.
        await HttpAssert.Problem(await asA.PostAsync($"/api/v2/user/{b}/connection/accept/", null), HttpStatusCode.BadRequest);

        var relationship = (await HttpAssert.Json(await asA.GetAsync($"/api/v2/user/relationships/?users={b}"))).GetProperty("relationships")[0];
        Assert.True(relationship.GetProperty("blocked_by").GetBoolean());
        Assert.False(relationship.GetProperty("blocking").GetBoolean());
        Assert.Equal(JsonValueKind.Null, relationship.GetProperty("connection_status").ValueKind);

        await HttpAssert.Succeeds(asB.DeleteAsync($"/api/v2/user/{a}/block/"));
        Assert.Equal("sent_connection_request", await Act(asA, b, "connection/request"));
    }

    [Fact]
    public async Task A_room_shows_connections_and_followers_you_know_needs_follow_mode()
    {
        var (a, b, c) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        using var asA = gateway.ClientFor(a);
        await Act(asA, b, "connection/request");
        await Act(gateway.ClientFor(b), a, "connection/accept");

        var room = await HttpAssert.Json(await asA.PostAsJsonAsync("/api/v2/user/relationships/among/", new { users = new[] { a, b, c } }));
        var pairs = room.GetProperty("relationships").EnumerateArray().ToArray();
        Assert.Equal([(a, b), (b, a)], pairs.Select(p => (p.GetProperty("from").GetInt64(), p.GetProperty("to").GetInt64())).Order());
        Assert.All(pairs, p => Assert.True(p.GetProperty("connected").GetBoolean()));

        await HttpAssert.Problem(await asA.GetAsync($"/api/v2/user/{b}/followers_you_know/"), HttpStatusCode.Forbidden);
    }

    private static async Task<string?> Act(HttpClient client, long other, string action)
    {
        var answer = await HttpAssert.Json(await client.PostAsync($"/api/v2/user/{other}/{action}/", null));
        return answer.GetProperty("connection_status").GetString();
    }

    private static async Task<(int Connections, int Sent, int Received)> Counters(HttpClient client, long user)
    {
        var counters = await HttpAssert.Json(await client.GetAsync($"/api/v2/user/{user}/counters/"));
        return (counters.GetProperty("connections").GetInt32(), counters.GetProperty("connection_requests_sent").GetInt32(), counters.GetProperty("connection_requests_received").GetInt32());
    }
}
