using System.Net;
using System.Net.Http.Json;
using System.Text;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

[Collection(DefaultGatewayCollection.Name)]
public class StatusesEndpointTests(GatewayFixture gateway)
{
    private const string StatusesPath = "/api/v2/user/connection/statuses/";

    public static TheoryData<string, string?> BadBodies() => new()
    {
        { "not json", "application/json" },
        { "{\"users\": [1, 2", "application/json" },
        { "[1, 7, 9]", "application/json" },
        { "\"users\"", "application/json" },
        { "{\"users\": \"1,7\"}", "application/json" },
        { "{\"users\": 7}", "application/json" },
        { "{\"users\": {\"a\": 1}}", "application/json" },
        { "{\"users\": [1.5]}", "application/json" },
        { "{\"users\": [1e3]}", "application/json" },
        { "{\"users\": [-1]}", "application/json" },
        { "{\"users\": [0]}", "application/json" },
        { "{\"users\": [\"0\"]}", "application/json" },
        { "{\"users\": [\"-7\"]}", "application/json" },
        { "{\"users\": [\"abc\"]}", "application/json" },
        { "{\"users\": [\"\"]}", "application/json" },
        { "{\"users\": [\" 7\"]}", "application/json" },
        { "{\"users\": [true]}", "application/json" },
        { "{\"users\": [null]}", "application/json" },
        { "{\"users\": [[1]]}", "application/json" },
        { "{\"users\": [{}]}", "application/json" },
        { "{\"users\": [99999999999999999999]}", "application/json" },
        { "{\"users\": [\"99999999999999999999\"]}", "application/json" },
        { "{\"users\": [1], \"users\": [2]}", "application/json" },
        { "{\"users\": [1]} {}", "application/json" },
        { "{\"users\": [1]", "application/x-www-form-urlencoded" },
        { "users=abc", "application/x-www-form-urlencoded" },
        { "users=1,-2", "application/x-www-form-urlencoded" },
        { "users=0", "application/x-www-form-urlencoded" },
        { "users=1.5", "application/x-www-form-urlencoded" },
        { "users=%FF", "application/x-www-form-urlencoded" },
        { "{\"users\": [\"\\ud800\"]}", "application/json" },
        { "{\"users\": [\"7\\udc00\"]}", "application/json" },
    };

    [Fact]
    public async Task Ids_in_bytes_that_are_not_UTF_8_answer_400()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());
        byte[] body = [.. "{\"users\": [\"7"u8, 0xFF, 0xFE, .. "\"]}"u8];

        var response = await client.PostAsync(StatusesPath, new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });

        await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Answers_one_key_per_distinct_id_in_request_order()
    {
        var me = TestUsers.NewId();
        var (followed, other, unknown) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        using var client = gateway.ClientFor(me);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v2/user/{followed}/follow/", null)).StatusCode);

        var response = await client.PostAsJsonAsync(StatusesPath, new { users = new object[] { unknown, followed, me, $"{followed}", other } });

        Assert.Equal(
            [($"{unknown}", null), ($"{followed}", "followed"), ($"{me}", null), ($"{other}", null)],
            await HttpAssert.Statuses(response));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Accepts_a_json_body_under_any_content_type(string? contentType)
    {
        var me = TestUsers.NewId();
        var followed = TestUsers.NewId();
        using var client = gateway.ClientFor(me);
        await client.PostAsync($"/api/v2/user/{followed}/follow/", null);

        var response = await client.PostAsync(StatusesPath, Body($"{{\"users\": [1, \"{followed}\"]}}", contentType));

        Assert.Equal([("1", null), ($"{followed}", "followed")], await HttpAssert.Statuses(response));
    }

    [Theory]
    [InlineData("users={0}&users=1&users={0}")]
    [InlineData("users={0},1")]
    [InlineData("users%5B%5D={0}&users%5B%5D=1")]
    [InlineData("other=x&users={0}%2C1")]
    public async Task Accepts_true_form_encoding(string form)
    {
        var me = TestUsers.NewId();
        var followed = TestUsers.NewId();
        using var client = gateway.ClientFor(me);
        await client.PostAsync($"/api/v2/user/{followed}/follow/", null);

        var response = await client.PostAsync(
            StatusesPath, Body(string.Format(form, followed), "application/x-www-form-urlencoded"));

        Assert.Equal([($"{followed}", "followed"), ("1", null)], await HttpAssert.Statuses(response));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("{}", "application/json")]
    [InlineData("{\"users\": []}", "application/json")]
    [InlineData("{\"users\": null}", "application/json")]
    [InlineData("{\"other\": [1, 2]}", "application/json")]
    [InlineData("", "application/x-www-form-urlencoded")]
    [InlineData("users=", "application/x-www-form-urlencoded")]
    public async Task A_missing_or_empty_users_answers_an_empty_object(string body, string? contentType)
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var response = await client.PostAsync(StatusesPath, Body(body, contentType));

        Assert.Empty(await HttpAssert.Statuses(response));
    }

    [Theory]
    [InlineData("/api/v2/user/connection/statuses/")]
    [InlineData("/api/v2/user/connection/statuses")]
    public async Task The_trailing_slash_is_optional(string path)
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var response = await client.PostAsJsonAsync(path, new { users = new[] { 5 } });

        Assert.Equal([("5", null)], await HttpAssert.Statuses(response));
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_malformed_body_answers_400_problem(string body, string? contentType)
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var response = await client.PostAsync(StatusesPath, Body(body, contentType));

        await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_in_an_unsupported_format_answers_415_problem()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var response = await client.PostAsync(StatusesPath, Body("users: 1", "text/plain"));

        await HttpAssert.Problem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task The_default_limit_is_1000_distinct_ids()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());
        var ids = Enumerable.Range(1, 1000).ToList();

        var atLimit = await client.PostAsJsonAsync(StatusesPath, new { users = ids.Concat(ids) });
        var overLimit = await client.PostAsJsonAsync(StatusesPath, new { users = ids.Append(1001) });

        Assert.Equal(1000, (await HttpAssert.Statuses(atLimit)).Count);
        var detail = await HttpAssert.Problem(overLimit, HttpStatusCode.BadRequest);
        Assert.Contains("1000", detail);
    }

    [Fact]
    public async Task An_oversized_body_answers_413_problem()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());
        var padding = new string(' ', 300 * 1024);

        var response = await client.PostAsync(StatusesPath, Body($"{{\"users\": [1]{padding}}}", "application/json"));

        await HttpAssert.Problem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_problems()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var unknown = await client.PostAsync("/api/v2/user/nothing/here/", null);
        var wrongMethod = await client.DeleteAsync(StatusesPath);

        await HttpAssert.Problem(unknown, HttpStatusCode.NotFound);
        await HttpAssert.Problem(wrongMethod, HttpStatusCode.MethodNotAllowed);
    }

    private static ByteArrayContent Body(string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }
}
