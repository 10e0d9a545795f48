using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

[Collection(DefaultGatewayCollection.Name)]
public class FollowModeEndpointsTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Put_and_delete_follow_are_idempotent_and_answer_the_resulting_status()
    {
        var (me, other) = (TestUsers.NewId(), TestUsers.NewId());
        using var client = gateway.ClientFor(me);

        var put1 = await Json(await client.PutAsync($"/api/v2/user/{other}/follow/", null));
        var put2 = await Json(await client.PutAsync($"/api/v2/user/{other}/follow", null));
        Assert.Equal("followed", put1.GetProperty("connection_status").GetString());
        Assert.Equal("followed", put2.GetProperty("connection_status").GetString());
        Assert.True(await HttpAssert.BoolAsync(client, $"/api/v2/user/{other}/is_followed/", "is_followed"));

        var delete1 = await Json(await client.DeleteAsync($"/api/v2/user/{other}/follow/"));
        var delete2 = await Json(await client.DeleteAsync($"/api/v2/user/{other}/follow/"));
        Assert.Equal(JsonValueKind.Null, delete1.GetProperty("connection_status").ValueKind);
        Assert.Equal(JsonValueKind.Null, delete2.GetProperty("connection_status").ValueKind);
        Assert.False(await HttpAssert.BoolAsync(client, $"/api/v2/user/{other}/is_followed/", "is_followed"));
        await HttpAssert.Problem(await client.PutAsync($"/api/v2/user/{me}/follow/", null), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Is_follower_and_counters_show_the_other_side_of_a_follow()
    {
        var (me, other) = (TestUsers.NewId(), TestUsers.NewId());
        using var mine = gateway.ClientFor(me);
        using var theirs = gateway.ClientFor(other);

        await mine.PostAsync($"/api/v2/user/{other}/follow/", null);

        // Read-your-writes on the other side: no waiting.
        Assert.True(await HttpAssert.BoolAsync(theirs, $"/api/v2/user/{me}/is_follower/", "is_follower"));
        Assert.False(await HttpAssert.BoolAsync(mine, $"/api/v2/user/{other}/is_follower/", "is_follower"));
        var counters = await Json(await mine.GetAsync($"/api/v2/user/{other}/counters/"));
        Assert.Equal(1, counters.GetProperty("followers").GetInt32());
        Assert.Equal(0, counters.GetProperty("followings").GetInt32());
    }

    [Fact]
    public async Task Followers_are_paginated_with_links_counters_and_the_callers_status()
    {
        var (target, viewer) = (TestUsers.NewId(), TestUsers.NewId());
        var followers = Enumerable.Range(0, 5).Select(_ => TestUsers.NewId()).ToArray();
        foreach (var follower in followers)
        {
            using var client = gateway.ClientFor(follower);
            await client.PutAsync($"/api/v2/user/{target}/follow/", null);
        }

        using var viewerClient = gateway.ClientFor(viewer);
        await viewerClient.PutAsync($"/api/v2/user/{followers[3]}/follow/", null);
        Assert.Equal(5, (await Json(await viewerClient.GetAsync($"/api/v2/user/{target}/followers/"))).GetProperty("count").GetInt32());

        var first = await Json(await viewerClient.GetAsync($"/api/v2/user/{target}/followers/?limit=2"));
        var last = await Json(await viewerClient.GetAsync($"/api/v2/user/{target}/followers/?limit=2&offset=4"));

        Assert.Equal(5, first.GetProperty("count").GetInt32());
        Assert.EndsWith($"/api/v2/user/{target}/followers/?limit=2&offset=2", first.GetProperty("next").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previous").ValueKind);
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
        Assert.EndsWith($"/api/v2/user/{target}/followers/?limit=2&offset=2", last.GetProperty("previous").GetString());
        var items = first.GetProperty("results").EnumerateArray().Concat(last.GetProperty("results").EnumerateArray()).ToList();
        Assert.Equal(followers.Order().Where((_, i) => i is 0 or 1 or 4), items.Select(i => i.GetProperty("id").GetInt64()));
        var all = (await Json(await viewerClient.GetAsync($"/api/v2/user/{target}/followers/"))).GetProperty("results").EnumerateArray().ToList();
        var followedByViewer = all.Single(i => i.GetProperty("id").GetInt64() == followers[3]);
        Assert.Equal("followed", followedByViewer.GetProperty("connection_status").GetString());
        Assert.Equal(1, followedByViewer.GetProperty("followings_counter").GetInt32());
        Assert.Equal(1, followedByViewer.GetProperty("followers_counter").GetInt32());
        Assert.All(all.Where(i => i.GetProperty("id").GetInt64() != followers[3]),
            i => Assert.Equal(JsonValueKind.Null, i.GetProperty("connection_status").ValueKind));
    }

    [Fact]
    public async Task Followings_filter_on_mutual()
    {
        var (me, mutual, oneWay) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        using var mine = gateway.ClientFor(me);
        using var theirs = gateway.ClientFor(mutual);
        await mine.PutAsync($"/api/v2/user/{mutual}/follow/", null);
        await mine.PutAsync($"/api/v2/user/{oneWay}/follow/", null);
        await theirs.PutAsync($"/api/v2/user/{me}/follow/", null);
        Assert.True(await HttpAssert.BoolAsync(mine, $"/api/v2/user/{mutual}/is_follower/", "is_follower"));

        var onlyMutual = await Json(await mine.GetAsync($"/api/v2/user/{me}/followings/?mutual=1"));
        var notMutual = await Json(await mine.GetAsync($"/api/v2/user/{me}/followings/?mutual=0"));

        Assert.Equal([mutual], onlyMutual.GetProperty("results").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal([oneWay], notMutual.GetProperty("results").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("POST", "/api/v2/user/9/connection/request/")]
    [InlineData("POST", "/api/v2/user/9/connection/accept/")]
    [InlineData("POST", "/api/v2/user/9/connection_requests/mark_seen/")]
    [InlineData("GET", "/api/v2/user/9/connection_status/")]
    [InlineData("GET", "/api/v2/user/9/is_connection/")]
    [InlineData("GET", "/api/v2/user/9/connections/")]
    [InlineData("GET", "/api/v2/user/connection/requests/")]
    [InlineData("GET", "/api/v2/user/connection/requests_sent/")]
    public async Task Connection_endpoints_answer_403_naming_connection_mode(string method, string path)
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var detail = await HttpAssert.Problem(
            await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), HttpStatusCode.Forbidden);

        Assert.Contains("connection mode", detail);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-1")]
    [InlineData("limit=abc")]
    [InlineData("offset=-3")]
    [InlineData("offset=1.5")]
    [InlineData("mutual=2")]
    [InlineData("mutual=yes")]
    public async Task Bad_pagination_parameters_answer_400(string query)
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        await HttpAssert.Problem(await client.GetAsync($"/api/v2/user/5/followers/?{query}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_limit_over_the_maximum_is_cut_to_it()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var page = await Json(await client.GetAsync("/api/v2/user/5/followers/?limit=100000&offset=0"));

        Assert.Equal(0, page.GetProperty("count").GetInt32());
        Assert.Empty(page.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task Hiding_toggles_and_is_visible_from_both_sides()
    {
        var (me, other) = (TestUsers.NewId(), TestUsers.NewId());
        using var mine = gateway.ClientFor(me);
        using var theirs = gateway.ClientFor(other);

        Assert.Equal(HttpStatusCode.NoContent, (await mine.PostAsync($"/api/v2/user/{other}/hide/", null)).StatusCode);
        Assert.True(await HttpAssert.BoolAsync(mine, $"/api/v2/user/{other}/is_hidden/", "is_hidden"));
        Assert.True(await HttpAssert.BoolAsync(theirs, $"/api/v2/user/{me}/is_hidden_by/", "is_hidden_by"));
        var ids = await Json(await mine.GetAsync("/api/v2/user/hidden_users_id/"));
        Assert.Equal([other], ids.EnumerateArray().Select(i => i.GetInt64()));
        var list = await Json(await mine.GetAsync("/api/v2/user/hidden_users/"));
        Assert.Equal(1, list.GetProperty("count").GetInt32());
        Assert.Equal(other, list.GetProperty("results")[0].GetProperty("id").GetInt64());

        Assert.Equal(HttpStatusCode.NoContent, (await mine.PostAsync($"/api/v2/user/{other}/hide", null)).StatusCode);
        Assert.False(await HttpAssert.BoolAsync(mine, $"/api/v2/user/{other}/is_hidden/", "is_hidden"));
        Assert.True((await Json(await mine.PutAsync($"/api/v2/user/{other}/hide/", null))).GetProperty("is_hidden").GetBoolean());
        Assert.True((await Json(await mine.PutAsync($"/api/v2/user/{other}/hide/", null))).GetProperty("is_hidden").GetBoolean());
        Assert.False((await Json(await mine.DeleteAsync($"/api/v2/user/{other}/hide/"))).GetProperty("is_hidden").GetBoolean());
        Assert.Empty((await Json(await mine.GetAsync("/api/v2/user/hidden_users_id/"))).EnumerateArray());
        await HttpAssert.Problem(await mine.PostAsync($"/api/v2/user/{me}/hide/", null), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Statuses_carry_an_etag_that_changes_with_the_graph_and_the_ids()
    {
        var (me, other) = (TestUsers.NewId(), TestUsers.NewId());
        using var client = gateway.ClientFor(me);
        var path = $"/api/v2/user/connection/statuses/?users={other},7";

        var first = await client.GetAsync(path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal([($"{other}", null), ("7", null)], await HttpAssert.Statuses(first));

        var unchanged = await Send(client, HttpMethod.Get, path, etag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, unchanged.Headers.ETag);

        var otherIds = await client.GetAsync($"/api/v2/user/connection/statuses/?users=7,{other}");
        Assert.NotEqual(etag, otherIds.Headers.ETag);

        await client.PutAsync($"/api/v2/user/{other}/follow/", null);
        var changed = await Send(client, HttpMethod.Get, path, etag.Tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal([($"{other}", "followed"), ("7", null)], await HttpAssert.Statuses(changed));
    }

    [Fact]
    public async Task A_post_with_a_matching_if_none_match_answers_412()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());
        var post = await client.PostAsJsonAsync("/api/v2/user/connection/statuses/", new { users = new[] { 3, 4 } });
        var get = await client.GetAsync("/api/v2/user/connection/statuses/?users=3&users=4");
        Assert.Equal(post.Headers.ETag, get.Headers.ETag);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/user/connection/statuses/")
        {
            Content = JsonContent.Create(new { users = new[] { 3, 4 } }),
        };
        request.Headers.TryAddWithoutValidation("If-None-Match", $"\"nope\", {post.Headers.ETag!.Tag}");
        await HttpAssert.Problem(await client.SendAsync(request), HttpStatusCode.PreconditionFailed);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
