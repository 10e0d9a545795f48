using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>Blocking in follow mode, over real HTTP with real tokens, read straight after each answer.</summary>
[Collection(DefaultGatewayCollection.Name)]
public class BlockEndpointsTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_block_cuts_both_follows_and_every_reader_sees_it_straight_after_the_answer()
    {
        var (a, b, c) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        using var asA = gateway.ClientFor(a);
        using var asB = gateway.ClientFor(b);
        using var asC = gateway.ClientFor(c);
        await HttpAssert.Succeeds(asA.PutAsync($"/api/v2/user/{b}/follow/", null));
        await HttpAssert.Succeeds(asB.PutAsync($"/api/v2/user/{a}/follow/", null));
        await HttpAssert.Succeeds(asC.PutAsync($"/api/v2/user/{a}/follow/", null));
        await HttpAssert.Succeeds(asC.PutAsync($"/api/v2/user/{b}/follow/", null));

        var blocked = await HttpAssert.Json(await asA.PutAsync($"/api/v2/user/{b}/block/", null));
        Assert.True(blocked.GetProperty("is_blocked").GetBoolean());

        // A third user, at once: both users' counters and lists are exact.
        Assert.Equal((1, 0), await Counters(asC, a));
        Assert.Equal((1, 0), await Counters(asC, b));
        Assert.Equal([c], await ListIds(asC, $"/api/v2/user/{a}/followers/"));
        Assert.Equal([c], await ListIds(asC, $"/api/v2/user/{b}/followers/"));
        Assert.Empty(await ListIds(asC, $"/api/v2/user/{b}/followings/"));
        // Both users: statuses null, no follow either way, and each knows its side of the block.
        Assert.Equal([($"{b}", null)], await HttpAssert.Statuses(await asA.GetAsync($"/api/v2/user/connection/statuses/?users={b}")));
        Assert.Equal([($"{a}", null)], await HttpAssert.Statuses(await asB.GetAsync($"/api/v2/user/connection/statuses/?users={a}")));
        Assert.False(await HttpAssert.BoolAsync(asB, $"/api/v2/user/{a}/is_followed/", "is_followed"));
        Assert.False(await HttpAssert.BoolAsync(asA, $"/api/v2/user/{b}/is_follower/", "is_follower"));
        Assert.True(await HttpAssert.BoolAsync(asA, $"/api/v2/user/{b}/is_blocked/", "is_blocked"));
        Assert.True(await HttpAssert.BoolAsync(asB, $"/api/v2/user/{a}/is_blocked_by/", "is_blocked_by"));
        Assert.False(await HttpAssert.BoolAsync(asB, $"/api/v2/user/{a}/is_blocked/", "is_blocked"));
    }

    [Fact]
    public async Task While_a_block_stands_neither_side_may_follow_and_unblocking_restores_nothing()
    {
        var (a, b) = (TestUsers.NewId(), TestUsers.NewId());
        using var asA = gateway.ClientFor(a);
        using var asB = gateway.ClientFor(b);
        await HttpAssert.Succeeds(asB.PutAsync($"/api/v2/user/{a}/follow/", null));
        await HttpAssert.Succeeds(asA.PutAsync($"/api/v2/user/{b}/block/", null));

        await HttpAssert.Blocked(await asB.PutAsync($"/api/v2/user/{a}/follow/", null));
        await HttpAssert.Blocked(await asB.PostAsync($"/api/v2/user/{a}/follow/", null));
        await HttpAssert.Blocked(await asA.PutAsync($"/api/v2/user/{b}/follow/", null));
        // Nothing the refusals touched changed.
        Assert.Equal((0, 0), await Counters(asA, a));
        Assert.Equal((0, 0), await Counters(asA, b));
        // Unfollowing is no follow, so it is allowed (and changes nothing).
        await HttpAssert.Succeeds(asB.DeleteAsync($"/api/v2/user/{a}/follow/"));

        var unblocked = await HttpAssert.Json(await asA.DeleteAsync($"/api/v2/user/{b}/block/"));
        Assert.False(unblocked.GetProperty("is_blocked").GetBoolean());
        Assert.False(await HttpAssert.BoolAsync(asB, $"/api/v2/user/{a}/is_followed/", "is_followed"));
        Assert.False(await HttpAssert.BoolAsync(asB, $"/api/v2/user/{a}/is_blocked_by/", "is_blocked_by"));
        await HttpAssert.Succeeds(asB.PutAsync($"/api/v2/user/{a}/follow/", null));
        Assert.True(await HttpAssert.BoolAsync(asA, $"/api/v2/user/{b}/is_follower/", "is_follower"));
    }

    [Fact]
    public async Task Put_and_delete_are_idempotent_post_toggles_and_the_lists_page()
    {
        var me = TestUsers.NewId();
        var others = Enumerable.Range(0, 3).Select(_ => TestUsers.NewId()).Order().ToArray();
        using var client = gateway.ClientFor(me);

        foreach (var other in others)
        {
            Assert.True((await HttpAssert.Json(await client.PutAsync($"/api/v2/user/{other}/block/", null))).GetProperty("is_blocked").GetBoolean());
            Assert.True((await HttpAssert.Json(await client.PutAsync($"/api/v2/user/{other}/block", null))).GetProperty("is_blocked").GetBoolean());
        }

        Assert.False((await HttpAssert.Json(await client.PostAsync($"/api/v2/user/{others[1]}/block/", null))).GetProperty("is_blocked").GetBoolean());
        Assert.True((await HttpAssert.Json(await client.PostAsync($"/api/v2/user/{others[1]}/block/", null))).GetProperty("is_blocked").GetBoolean());
        Assert.False((await HttpAssert.Json(await client.DeleteAsync($"/api/v2/user/{others[1]}/block/"))).GetProperty("is_blocked").GetBoolean());
        Assert.False((await HttpAssert.Json(await client.DeleteAsync($"/api/v2/user/{others[1]}/block/"))).GetProperty("is_blocked").GetBoolean());

        Assert.Equal([others[0], others[2]], (await HttpAssert.Json(await client.GetAsync("/api/v2/user/blocked_users_id/"))).EnumerateArray().Select(e => e.GetInt64()));
        var page = await HttpAssert.Json(await client.GetAsync("/api/v2/user/blocked_users/?limit=1&offset=1"));
        Assert.Equal(2, page.GetProperty("count").GetInt32());
        Assert.Equal(others[2], Assert.Single(page.GetProperty("results").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        await HttpAssert.Problem(await client.PutAsync($"/api/v2/user/{me}/block/", null), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await client.PutAsync("/api/v2/user/0/block/", null), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Hiding_stays_independent_of_blocking()
    {
        var (a, b) = (TestUsers.NewId(), TestUsers.NewId());
        using var asA = gateway.ClientFor(a);
        using var asB = gateway.ClientFor(b);

        await HttpAssert.Succeeds(asA.PutAsync($"/api/v2/user/{b}/hide/", null));
        await HttpAssert.Succeeds(asA.PutAsync($"/api/v2/user/{b}/block/", null));
        await HttpAssert.Succeeds(asA.DeleteAsync($"/api/v2/user/{b}/block/"));

        Assert.True(await HttpAssert.BoolAsync(asA, $"/api/v2/user/{b}/is_hidden/", "is_hidden"));
        Assert.True(await HttpAssert.BoolAsync(asB, $"/api/v2/user/{a}/is_hidden_by/", "is_hidden_by"));
        Assert.False(await HttpAssert.BoolAsync(asB, $"/api/v2/user/{a}/is_blocked_by/", "is_blocked_by"));
        // The hide toggle keeps the reference's answer: 204.
        Assert.Equal(HttpStatusCode.NoContent, (await asA.PostAsync($"/api/v2/user/{b}/hide/", null)).StatusCode);
    }

    [Fact]
    public async Task A_block_racing_a_follow_from_the_other_side_never_leaves_the_follow_standing()
    {
        for (var round = 0; round < 12; round++)
        {
            var (a, b) = (TestUsers.NewId(), TestUsers.NewId());
            using var asA = gateway.ClientFor(a);
            using var asB = gateway.ClientFor(b);
            if (round % 2 == 0)
            {
                await HttpAssert.Succeeds(asB.PutAsync($"/api/v2/user/{a}/follow/", null));
            }

            var block = asA.PutAsync($"/api/v2/user/{b}/block/", null);
            var follow = asB.PutAsync($"/api/v2/user/{a}/follow/", null);
            await HttpAssert.Succeeds(block);
            var followed = await follow;
            Assert.True(followed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"follow answered {(int)followed.StatusCode}");

            Assert.False(await HttpAssert.BoolAsync(asB, $"/api/v2/user/{a}/is_followed/", "is_followed"), $"round {round}: b still follows a");
            Assert.False(await HttpAssert.BoolAsync(asA, $"/api/v2/user/{b}/is_follower/", "is_follower"), $"round {round}: a still lists b");
            Assert.Equal((0, 0), await Counters(asA, a));
            Assert.Equal((0, 0), await Counters(asB, b));
        }
    }

    private static async Task<(int Followers, int Followings)> Counters(HttpClient client, long user)
    {
        var counters = await HttpAssert.Json(await client.GetAsync($"/api/v2/user/{user}/counters/"));
        return (counters.GetProperty("followers").GetInt32(), counters.GetProperty("followings").GetInt32());
    }

    private static async Task<long[]> ListIds(HttpClient client, string path) =>
        [.. (await HttpAssert.Json(await client.GetAsync(path))).GetProperty("results").EnumerateArray().Select(item => item.GetProperty("id").GetInt64())];
}
