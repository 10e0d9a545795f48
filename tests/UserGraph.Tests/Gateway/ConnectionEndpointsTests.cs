using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>Every connection-mode transition through the gateway, on a connection-mode service.</summary>
[Collection(ConnectionModeGatewayCollection.Name)]
public class ConnectionEndpointsTests(ConnectionModeGatewayFixture gateway)
{
    [Fact]
    public async Task Request_then_accept_connects_both_and_remove_ends_it()
    {
        var (a, b) = (TestUsers.NewId(), TestUsers.NewId());
        using var asA = gateway.ClientFor(a);
        using var asB = gateway.ClientFor(b);

        Assert.Equal("sent_connection_request", await Act(asA, b, "connection/request"));
        Assert.Equal("sent_connection_request", await Status(asA, b));
        Assert.Equal("received_connection_request", await Status(asB, a));
        Assert.Equal([($"{a}", "received_connection_request")], await HttpAssert.Statuses(
            await asB.PostAsJsonAsync("/api/v2/user/connection/statuses/", new { users = new[] { a } })));

        Assert.Equal("connected", await Act(asB, a, "connection/accept"));
        Assert.True((await Json(await asB.GetAsync($"/api/v2/user/{a}/is_connection/"))).GetProperty("is_connection").GetBoolean());
        Assert.Equal("connected", await Status(asA, b));
        var connections = await Json(await asA.GetAsync($"/api/v2/user/{b}/connections/"));
        Assert.Equal(1, connections.GetProperty("count").GetInt32());
        Assert.Equal(a, connections.GetProperty("results")[0].GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, connections.GetProperty("results")[0].GetProperty("connection_status").ValueKind);
        var counters = await Json(await asA.GetAsync($"/api/v2/user/{a}/counters/"));
        Assert.Equal(1, counters.GetProperty("connections").GetInt32());
        Assert.Equal(0, counters.GetProperty("connection_requests_sent").GetInt32());
        Assert.Equal(0, counters.GetProperty("connection_requests_received").GetInt32());

        Assert.Null(await Act(asA, b, "connection/remove"));
        Assert.Null(await Status(asB, a));
    }

    [Fact]
    public async Task Reject_cancel_reject_mark_seen_and_cancel_request()
    {
        var (a, b) = (TestUsers.NewId(), TestUsers.NewId());
        using var asA = gateway.ClientFor(a);
        using var asB = gateway.ClientFor(b);
        await Act(asA, b, "connection/request");
        Assert.Equal("received_connection_request", await Status(asB, a));

        Assert.Equal("received_connection_request", await Act(asB, a, "connection_requests/mark_seen"));
        var received = await Json(await asB.GetAsync("/api/v2/user/connection/requests/"));
        var request = received.GetProperty("results")[0];
        Assert.Equal(1, received.GetProperty("count").GetInt32());
        Assert.Equal(a, request.GetProperty("from_user").GetProperty("id").GetInt64());
        Assert.Equal(b, request.GetProperty("to_user").GetProperty("id").GetInt64());
        Assert.True(request.GetProperty("id").GetInt64() > 0);
        Assert.True(request.GetProperty("created").GetDateTime() <= request.GetProperty("viewed").GetDateTime());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("rejected").ValueKind);

        Assert.Null(await Act(asB, a, "connection/reject"));
        Assert.Equal(0, (await Json(await asB.GetAsync("/api/v2/user/connection/requests/"))).GetProperty("count").GetInt32());
        // The sender is not told.
        var sent = (await Json(await asA.GetAsync("/api/v2/user/connection/requests_sent/"))).GetProperty("results")[0];
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("rejected").ValueKind);
        Assert.Equal("sent_connection_request", await Status(asA, b));

        Assert.Equal("received_connection_request", await Act(asB, a, "connection/cancel_reject"));
        Assert.Null(await Act(asA, b, "connection/cancel_request"));
        Assert.Null(await Status(asB, a));
    }

    [Theory]
    [InlineData("connection/accept")]
    [InlineData("connection/reject")]
    [InlineData("connection/cancel_reject")]
    [InlineData("connection/cancel_request")]
    [InlineData("connection/remove")]
    [InlineData("connection_requests/mark_seen")]
    public async Task An_action_that_does_not_apply_answers_400(string action)
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var response = await client.PostAsync($"/api/v2/user/{TestUsers.NewId()}/{action}/", null);

        await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Requesting_oneself_or_twice_answers_400()
    {
        var (a, b) = (TestUsers.NewId(), TestUsers.NewId());
        using var client = gateway.ClientFor(a);

        await HttpAssert.Problem(await client.PostAsync($"/api/v2/user/{a}/connection/request/", null), HttpStatusCode.BadRequest);
        await Act(client, b, "connection/request");
        await HttpAssert.Problem(await client.PostAsync($"/api/v2/user/{b}/connection/request/", null), HttpStatusCode.BadRequest);
    }

    private static async Task<string?> Act(HttpClient client, long other, string action) =>
        (await Json(await client.PostAsync($"/api/v2/user/{other}/{action}/", null))).GetProperty("connection_status").GetString();

    private static async Task<string?> Status(HttpClient client, long other) =>
        (await Json(await client.GetAsync($"/api/v2/user/{other}/connection_status/"))).GetProperty("connection_status").GetString();

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
