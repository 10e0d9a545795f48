using System.Net;
using System.Net.Http.Json;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

[Collection(ConnectionModeGatewayCollection.Name)]
public class ConnectionModeGatewayTests(ConnectionModeGatewayFixture gateway)
{
    [Fact]
    public async Task The_follow_toggle_answers_403_naming_follow_mode()
    {
        var me = TestUsers.NewId();
        var other = TestUsers.NewId();
        using var client = gateway.ClientFor(me);

        var response = await client.PostAsync($"/api/v2/user/{other}/follow/", null);

        var detail = await HttpAssert.Problem(response, HttpStatusCode.Forbidden);
        Assert.Contains("follow mode", detail);
        var statuses = await client.PostAsJsonAsync("/api/v2/user/connection/statuses/", new { users = new[] { other } });
        Assert.Equal([($"{other}", null)], await HttpAssert.Statuses(statuses));
    }

    [Theory]
    [InlineData("PUT", "/api/v2/user/9/follow/")]
    [InlineData("DELETE", "/api/v2/user/9/follow/")]
    [InlineData("GET", "/api/v2/user/9/is_followed/")]
    [InlineData("GET", "/api/v2/user/9/is_follower/")]
    [InlineData("GET", "/api/v2/user/9/followers/")]
    [InlineData("GET", "/api/v2/user/9/followings/")]
    public async Task Every_follow_endpoint_answers_403(string method, string path)
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await HttpAssert.Problem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Hiding_works_in_connection_mode()
    {
        var (me, other) = (TestUsers.NewId(), TestUsers.NewId());
        using var client = gateway.ClientFor(me);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v2/user/{other}/hide/", null)).StatusCode);

        var ids = await client.GetFromJsonAsync<long[]>("/api/v2/user/hidden_users_id/");
        Assert.Equal([other], ids!);
    }

    [Fact]
    public async Task The_id_limit_is_configurable()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var atLimit = await client.PostAsJsonAsync("/api/v2/user/connection/statuses/", new { users = new[] { 1, 2, 3, 3 } });
        var overLimit = await client.PostAsJsonAsync("/api/v2/user/connection/statuses/", new { users = new[] { 1, 2, 3, 4 } });

        Assert.Equal(3, (await HttpAssert.Statuses(atLimit)).Count);
        await HttpAssert.Problem(overLimit, HttpStatusCode.BadRequest);
    }
}
