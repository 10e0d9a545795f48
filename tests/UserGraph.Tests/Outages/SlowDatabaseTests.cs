using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Outages;

/// <summary>
/// PostgreSQL behind a slow link (every client message held 150 ms): writes get slower, but
/// every one is answered correctly, and the service never holds more connections than its budget.
/// </summary>
public class SlowDatabaseTests(ITestOutputHelper output)
{
    private const int Budget = 10;
    private const int Workers = 24;
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task A_slow_database_slows_writes_within_the_connection_budget_and_every_answer_is_right()
    {
        var direct = new NpgsqlConnectionStringBuilder(await TestDatabase.GetConnectionStringAsync());
        await using var proxy = new DelayingTcpProxy(direct.Port, Delay);
        var slow = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
        var workers = Enumerable.Range(0, Workers).Select(_ => TestUsers.NewId()).ToArray();
        var clock = Stopwatch.StartNew();

        await using var service = new GatewayFactory(slow, [new("Graph:Database:MaxConnections", Budget.ToString())]);
        service.StartServer();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(8)))
        {
            var load = FollowLoad.Start(worker => ClientFor(service, worker), workers, TimeSpan.Zero, clock, stop.Token);
            await load.Completion;

            var answers = load.Answers.ToList();
            var took = answers.Select(a => a.Took.TotalMilliseconds).Order().ToArray();
            output.WriteLine(
                $"{answers.Count} follows through a {Delay.TotalMilliseconds} ms link, {Workers} clients: " +
                $"p50 {took[took.Length / 2]:0} ms, max {took[^1]:0} ms; at most {proxy.PeakConnections} connections (budget {Budget})");

            Assert.All(answers, a => Assert.True(a.Acknowledged, $"{a.Status} after {a.Took}"));
            Assert.True(took[took.Length / 2] > Delay.TotalMilliseconds, "the link was not slow");
            Assert.InRange(proxy.PeakConnections, 1, Budget);

            foreach (var worker in workers)
            {
                var mine = answers.Where(a => a.Follower == worker).Select(a => a.Followee).ToArray();
                using var client = ClientFor(service, worker);
                var statuses = await HttpAssert.Statuses(await client.PostAsJsonAsync("/api/v2/user/connection/statuses/", new { users = mine }));
                Assert.All(statuses, s => Assert.Equal("followed", s.Status));
            }
        }
    }

    private static HttpClient ClientFor(GatewayFactory service, long userId)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestJwt.For(userId));
        return client;
    }
}
