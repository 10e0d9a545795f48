using System.Net;
using System.Net.Http.Json;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

[Collection(DefaultGatewayCollection.Name)]
public class FollowEndpointTests(GatewayFixture gateway)
{
    [Fact]
    public async Task The_toggle_follows_then_unfollows_answering_204()
    {
        var me = TestUsers.NewId();
        var other = TestUsers.NewId();
        using var client = gateway.ClientFor(me);

        var first = await client.PostAsync($"/api/v2/user/{other}/follow/", null);
        var afterFirst = await StatusOf(client, other);
        var second = await client.PostAsync($"/api/v2/user/{other}/follow", null);
        var afterSecond = await StatusOf(client, other);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal("followed", afterFirst);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Null(afterSecond);
    }

    [Fact]
    public async Task A_follow_is_seen_by_the_follower_only()
    {
        var me = TestUsers.NewId();
        var other = TestUsers.NewId();
        using var mine = gateway.ClientFor(me);
        using var theirs = gateway.ClientFor(other);

        await mine.PostAsync($"/api/v2/user/{other}/follow/", null);

        Assert.Equal("followed", await StatusOf(mine, other));
        Assert.Null(await StatusOf(theirs, me));
    }

    [Fact]
    public async Task Following_oneself_answers_400_and_changes_nothing()
    {
        var me = TestUsers.NewId();
        using var client = gateway.ClientFor(me);

        var response = await client.PostAsync($"/api/v2/user/{me}/follow/", null);

        await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Null(await StatusOf(client, me));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-4")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task A_path_id_that_is_not_a_user_id_answers_400(string id)
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var response = await client.PostAsync($"/api/v2/user/{id}/follow/", null);

        await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
    }

    private static async Task<string?> StatusOf(HttpClient client, long userId)
    {
        var response = await client.PostAsJsonAsync("/api/v2/user/connection/statuses/", new { users = new[] { userId } });
        return (await HttpAssert.Statuses(response)).Single().Status;
    }
}
