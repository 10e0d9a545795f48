using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>The relationship object, followers you know, and room relations, in follow mode over real HTTP.</summary>
[Collection(DefaultGatewayCollection.Name)]
public class RelationshipEndpointsTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Relationships_give_every_flag_in_request_order_with_the_statuses_etag()
    {
        var (me, followed, follower, hider, blocked, stranger) =
            (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        using var client = gateway.ClientFor(me);
        await HttpAssert.Succeeds(client.PutAsync($"/api/v2/user/{followed}/follow/", null));
        await HttpAssert.Succeeds(gateway.ClientFor(follower).PutAsync($"/api/v2/user/{me}/follow/", null));
        await HttpAssert.Succeeds(gateway.ClientFor(hider).PutAsync($"/api/v2/user/{me}/hide/", null));
        await HttpAssert.Succeeds(client.PutAsync($"/api/v2/user/{hider}/hide/", null));
        await HttpAssert.Succeeds(gateway.ClientFor(blocked).PutAsync($"/api/v2/user/{me}/block/", null));

        var ids = new[] { stranger, blocked, followed, hider, follower };
        var response = await client.GetAsync($"/api/v2/user/relationships/?users={string.Join(',', ids)}");
        var items = (await HttpAssert.Json(response)).GetProperty("relationships").EnumerateArray().ToArray();

        Assert.Equal(ids, items.Select(item => item.GetProperty("id").GetInt64()));
        Assert.Equal(
            ["id", "following", "followed_by", "connection_status", "hiding", "hidden_by", "blocking", "blocked_by"],
            items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(Flags(false, false, null, false, false, false, false), Flags(items[0]));
        Assert.Equal(Flags(false, false, null, false, false, false, true), Flags(items[1]));
        Assert.Equal(Flags(true, false, "followed", false, false, false, false), Flags(items[2]));
        Assert.Equal(Flags(false, false, null, true, true, false, false), Flags(items[3]));
        Assert.Equal(Flags(false, true, null, false, false, false, false), Flags(items[4]));

        var etag = response.Headers.ETag!.Tag;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v2/user/relationships/?users={string.Join(',', ids)}");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/v2/user/relationships/") { Content = JsonContent.Create(new { users = ids }) };
        post.Headers.TryAddWithoutValidation("If-None-Match", etag);
        await HttpAssert.Problem(await client.SendAsync(post), HttpStatusCode.PreconditionFailed);

        await HttpAssert.Succeeds(client.PutAsync($"/api/v2/user/{stranger}/block/", null));
        var changed = await client.PostAsJsonAsync("/api/v2/user/relationships/", new { users = ids });
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
        Assert.True((await HttpAssert.Json(changed)).GetProperty("relationships")[0].GetProperty("blocking").GetBoolean());
    }

    [Fact]
    public async Task Relationships_refuse_more_than_a_hundred_ids_and_bad_ones()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        await HttpAssert.Problem(await client.GetAsync($"/api/v2/user/relationships/?users={string.Join(',', Enumerable.Range(1, 101))}"), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await client.PostAsJsonAsync("/api/v2/user/relationships/", new { users = new object[] { 1, "x" } }), HttpStatusCode.BadRequest);
        Assert.Equal(100, (await HttpAssert.Json(await client.GetAsync($"/api/v2/user/relationships/?users={string.Join(',', Enumerable.Range(1, 100))}")))
            .GetProperty("relationships").GetArrayLength());
    }

    [Fact]
    public async Task Followers_you_know_are_the_callers_followings_who_follow_the_user_with_an_exact_count()
    {
        var (me, target) = (TestUsers.NewId(), TestUsers.NewId());
        var users = Enumerable.Range(0, 6).Select(_ => TestUsers.NewId()).Order().ToArray();
        using var client = gateway.ClientFor(me);
        foreach (var user in users[..4])
        {
            await HttpAssert.Succeeds(client.PutAsync($"/api/v2/user/{user}/follow/", null));
        }

        foreach (var user in users[1..])
        {
            await HttpAssert.Succeeds(gateway.ClientFor(user).PutAsync($"/api/v2/user/{target}/follow/", null));
        }

        var all = await HttpAssert.Json(await client.GetAsync($"/api/v2/user/{target}/followers_you_know/"));
        Assert.Equal(3, all.GetProperty("count").GetInt32());
        Assert.Equal(users[1..4], all.GetProperty("results").EnumerateArray().Select(item => item.GetProperty("id").GetInt64()));
        Assert.Equal("followed", all.GetProperty("results")[0].GetProperty("connection_status").GetString());

        var page = await HttpAssert.Json(await client.GetAsync($"/api/v2/user/{target}/followers_you_know/?limit=2&offset=2"));
        Assert.Equal(3, page.GetProperty("count").GetInt32());
        Assert.Equal([users[3]], page.GetProperty("results").EnumerateArray().Select(item => item.GetProperty("id").GetInt64()));

        // Read-your-writes: a known follower who unfollows leaves the list at once.
        await HttpAssert.Succeeds(gateway.ClientFor(users[2]).DeleteAsync($"/api/v2/user/{target}/follow/"));
        Assert.Equal(2, (await HttpAssert.Json(await client.GetAsync($"/api/v2/user/{target}/followers_you_know/"))).GetProperty("count").GetInt32());
        await HttpAssert.Problem(await client.GetAsync("/api/v2/user/abc/followers_you_know/"), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await client.GetAsync($"/api/v2/user/{target}/followers_you_know/?limit=-1"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_room_shows_public_facts_for_every_pair_and_private_ones_only_for_the_callers()
    {
        var (me, x, y, outsider) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        using var client = gateway.ClientFor(me);
        using var asX = gateway.ClientFor(x);
        await HttpAssert.Succeeds(asX.PutAsync($"/api/v2/user/{y}/follow/", null));
        await HttpAssert.Succeeds(asX.PutAsync($"/api/v2/user/{me}/hide/", null));
        await HttpAssert.Succeeds(gateway.ClientFor(y).PutAsync($"/api/v2/user/{x}/hide/", null));
        await HttpAssert.Succeeds(client.PutAsync($"/api/v2/user/{y}/block/", null));

        var room = await HttpAssert.Json(await client.PostAsJsonAsync("/api/v2/user/relationships/among/", new { users = new[] { me, x, y } }));

        Assert.Equal([me, x, y], room.GetProperty("users").EnumerateArray().Select(e => e.GetInt64()));
        var pairs = room.GetProperty("relationships").EnumerateArray()
            .ToDictionary(pair => (pair.GetProperty("from").GetInt64(), pair.GetProperty("to").GetInt64()));
        Assert.Equal([(me, y), (x, me), (x, y)], pairs.Keys.Order());
        Assert.True(pairs[(me, y)].GetProperty("blocking").GetBoolean());
        Assert.True(pairs[(x, me)].GetProperty("hiding").GetBoolean());
        Assert.True(pairs[(x, y)].GetProperty("following").GetBoolean());
        // y hides x: private to them, so neither that pair nor a "hiding" key on x → y shows it.
        Assert.False(pairs[(x, y)].TryGetProperty("hiding", out _));
        Assert.False(pairs[(x, y)].TryGetProperty("blocking", out _));

        await HttpAssert.Problem(await gateway.ClientFor(outsider).PostAsJsonAsync("/api/v2/user/relationships/among/", new { users = new[] { me, x, y } }), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await client.PostAsJsonAsync("/api/v2/user/relationships/among/", new { users = Enumerable.Range(1, 100).Append((int)me) }), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await client.PostAsync("/api/v2/user/relationships/among/", new StringContent("{\"users\": [1,", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
    }

    private static (bool, bool, string?, bool, bool, bool, bool) Flags(
        bool following, bool followedBy, string? status, bool hiding, bool hiddenBy, bool blocking, bool blockedBy) =>
        (following, followedBy, status, hiding, hiddenBy, blocking, blockedBy);

    private static (bool, bool, string?, bool, bool, bool, bool) Flags(JsonElement item) => (
        item.GetProperty("following").GetBoolean(),
        item.GetProperty("followed_by").GetBoolean(),
        item.GetProperty("connection_status").ValueKind == JsonValueKind.Null ? null : item.GetProperty("connection_status").GetString(),
        item.GetProperty("hiding").GetBoolean(),
        item.GetProperty("hidden_by").GetBoolean(),
        item.GetProperty("blocking").GetBoolean(),
        item.GetProperty("blocked_by").GetBoolean());
}
