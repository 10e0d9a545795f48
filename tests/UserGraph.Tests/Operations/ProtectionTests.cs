using System.Net;
using System.Net.Http.Json;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Operations;

public class ProtectionTests(LimitedGatewayFixture gateway) : IClassFixture<LimitedGatewayFixture>
{
    [Fact]
    public async Task A_user_over_the_limit_gets_429_with_retry_after_and_others_are_not_affected()
    {
        using var busy = gateway.ClientFor(TestUsers.NewId());
        using var quiet = gateway.ClientFor(TestUsers.NewId());

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await busy.PostAsJsonAsync("/api/v2/user/connection/statuses/", new { users = new[] { 1 } }));
        }

        var limited = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        await HttpAssert.Problem(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        // The burst is 3; the bucket may refill one permit at its one-second tick while the six
        // requests are under way on a busy machine, never more.
        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.OK), 3, 4);
        Assert.Equal(HttpStatusCode.OK, (await quiet.PostAsJsonAsync("/api/v2/user/connection/statuses/", new { users = new[] { 1 } })).StatusCode);
    }

    [Fact]
    public async Task Unauthenticated_requests_are_limited_per_address()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await gateway.Anonymous.PostAsync("/api/v2/user/connection/statuses/", null)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.Unauthorized, answers);
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
    }

    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9")]
    [InlineData("application/xml")]
    [InlineData("text/plain")]
    [InlineData("image/png")]
    public async Task A_client_that_does_not_accept_JSON_gets_the_same_401_and_429_in_plain_text(string accept)
    {
        // A browser's Accept: the problem writer refuses it, which once made every 401 and 429 a 500.
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await client.GetAsync($"/api/v2/user/{TestUsers.NewId()}/counters/"));
        }

        // The address's bucket is shared by the cases of this theory: some see 401s, all see 429s.
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.TooManyRequests);
        foreach (var answer in answers)
        {
            Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests });
            Assert.Equal("text/plain", answer.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith(
                answer.StatusCode == HttpStatusCode.Unauthorized ? "Unauthorized" : "Too many requests",
                await answer.Content.ReadAsStringAsync());
        }

        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests), a => Assert.NotNull(a.Headers.RetryAfter));
    }

    [Fact]
    public async Task A_request_slower_than_the_timeout_answers_503_problem()
    {
        // A plain client: the test factory's handlers buffer request bodies, which would hide the stall.
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestJwt.For(TestUsers.NewId()));

        var response = await client.PostAsync("/api/v2/user/connection/statuses/", new SlowContent(TimeSpan.FromSeconds(3)));

        await HttpAssert.Problem(response, HttpStatusCode.ServiceUnavailable);
    }

    /// <summary>A body that starts, then stalls longer than the service waits.</summary>
    private sealed class SlowContent(TimeSpan stall) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync("{\"users\": ["u8.ToArray());
            await stream.FlushAsync();
            await Task.Delay(stall);
            await stream.WriteAsync("1]}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
