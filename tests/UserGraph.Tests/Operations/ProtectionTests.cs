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
