using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Outages;

/// <summary>
/// The database goes away under a steady follow load and comes back: writes are refused with a
/// retryable 503 meanwhile, active users' reads are served from memory, readiness follows the
/// database, the service recovers without a restart, and no acknowledged write is lost (checked
/// by a new service that reads everything from storage).
/// </summary>
public class DatabaseOutageTests(OutageDatabase database, ITestOutputHelper output) : IClassFixture<OutageDatabase>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private const int Workers = 8;

    [Fact]
    public Task A_stopped_database_refuses_writes_until_it_is_back_and_loses_none() =>
        SurviveOutageAsync("stop", () => database.Server.StopAsync());

    [Fact]
    public Task A_crashed_database_refuses_writes_until_it_has_recovered_and_loses_none() =>
        SurviveOutageAsync("kill -9", () =>
        {
            database.Server.KillPostmaster();
            return Task.CompletedTask;
        });

    private async Task SurviveOutageAsync(string how, Func<Task> takeDown)
    {
        var serviceId = GraphTestCluster.NewServiceId();
        var workers = Enumerable.Range(0, Workers).Select(_ => TestUsers.NewId()).ToArray();
        var clock = Stopwatch.StartNew();
        FollowLoad load;
        var readsDuringOutage = new List<HttpStatusCode>();
        var readinessDuringOutage = new List<HttpStatusCode>();
        var coldReadsDuringOutage = new List<(HttpStatusCode Status, bool RetryAfter)>();
        TimeSpan downAt, upAt;
        await using (var service = StartService(serviceId))
        {
            using var stop = new CancellationTokenSource();
            load = FollowLoad.Start(worker => ClientFor(service, worker), workers, TimeSpan.FromMilliseconds(40), clock, stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(3));

            downAt = clock.Elapsed;
            await takeDown();
            using var probe = service.CreateClient();
            while (clock.Elapsed - downAt < Outage)
            {
                readinessDuringOutage.Add((await probe.GetAsync("/health/ready")).StatusCode);
                var stranger = TestUsers.NewId();
                using (var cold = ClientFor(service, stranger))
                using (var answer = await cold.GetAsync($"/api/v2/user/{stranger}/counters/"))
                {
                    coldReadsDuringOutage.Add((answer.StatusCode, answer.Headers.RetryAfter is not null));
                }

                foreach (var worker in workers)
                {
                    readsDuringOutage.Add(await ReadFollowedAsync(service, worker, load.Answers, clock.Elapsed - downAt > TimeSpan.FromSeconds(1)));
                }

                await Task.Delay(200);
            }

            await database.Server.StartAgainAsync();
            upAt = clock.Elapsed;
            await Eventually.HoldsAsync(
                async () => (await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "ready again");
            await Eventually.HoldsAsync(
                () => Task.FromResult(load.Answers.Any(a => a.At > upAt && a.Acknowledged)), TimeSpan.FromSeconds(30), "writes acknowledged again");
            await Task.Delay(TimeSpan.FromSeconds(2));
            await stop.CancelAsync();
            await load.Completion;
        }

        var answers = load.Answers.ToList();
        var acknowledged = answers.Where(a => a.Acknowledged).ToList();
        var refused = answers.Where(a => !a.Acknowledged).ToList();
        var firstAfter = acknowledged.Where(a => a.At > upAt).Min(a => a.At);

        // A new service (same storage, new cluster) reads everything from PostgreSQL.
        await using var fresh = StartService(serviceId);
        var lost = 0;
        foreach (var worker in workers)
        {
            var mine = acknowledged.Where(a => a.Follower == worker).Select(a => a.Followee).ToArray();
            using var client = ClientFor(fresh, worker);
            var statuses = await HttpAssert.Statuses(await client.PostAsJsonAsync("/api/v2/user/connection/statuses/", new { users = mine }));
            lost += statuses.Count(s => s.Status != "followed");
        }

        output.WriteLine(
            $"{how}: {answers.Count} follows sent, {acknowledged.Count} acknowledged, {refused.Count} refused, {lost} lost; " +
            $"first acknowledged write {(firstAfter - upAt).TotalSeconds:0.00} s after the database was back; " +
            $"{readsDuringOutage.Count} reads during the outage, {readsDuringOutage.Count(s => s == HttpStatusCode.OK)} served");

        Assert.Equal(0, lost);
        Assert.All(refused, a => Assert.True(a.Status == HttpStatusCode.ServiceUnavailable && a.HasRetryAfter, $"{a.Status} at {a.At}"));
        Assert.Contains(refused, a => a.At > downAt && a.At < upAt);
        Assert.Contains(acknowledged, a => a.At < downAt);
        Assert.All(readsDuringOutage, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Contains(HttpStatusCode.ServiceUnavailable, readinessDuringOutage);
        // A user whose state must be read cannot be served: a retryable 503, never a 500 (right
        // after a kill -9 the orphaned backends may still answer for a moment).
        Assert.All(coldReadsDuringOutage, read => Assert.True(
            read.Status == HttpStatusCode.OK || read == (HttpStatusCode.ServiceUnavailable, true), $"cold read answered {read}"));
        Assert.Contains((HttpStatusCode.ServiceUnavailable, true), coldReadsDuringOutage);

        // Every follow the followers' grains acknowledged reaches the other side too, without a restart of either.
        var sample = acknowledged.Where((_, index) => index % 10 == 0).ToList();
        await Eventually.HoldsAsync(
            async () =>
            {
                foreach (var follow in sample)
                {
                    using var theirs = ClientFor(fresh, follow.Followee);
                    if (!await HttpAssert.BoolAsync(theirs, $"/api/v2/user/{follow.Follower}/is_follower/", "is_follower"))
                    {
                        return false;
                    }
                }

                return true;
            },
            TimeSpan.FromSeconds(40),
            "every acknowledged follow seen by the followed user");
    }

    /// <summary>
    /// The worker's statuses of the users it follows. Once the outage is under way every
    /// acknowledged follow must still read as followed, from the grain's memory.
    /// </summary>
    private static async Task<HttpStatusCode> ReadFollowedAsync(
        GatewayFactory service, long worker, IReadOnlyCollection<FollowLoad.Answer> answers, bool check)
    {
        var mine = answers.Where(a => a.Follower == worker && a.Acknowledged).Select(a => a.Followee).TakeLast(100).ToArray();
        using var client = ClientFor(service, worker);
        using var answer = await client.PostAsJsonAsync("/api/v2/user/connection/statuses/", new { users = mine });
        if (check && answer.StatusCode == HttpStatusCode.OK)
        {
            Assert.All(await HttpAssert.Statuses(answer), s => Assert.Equal("followed", s.Status));
        }

        return answer.StatusCode;
    }

    private GatewayFactory StartService(string serviceId)
    {
        var service = new GatewayFactory(database.Server.ConnectionString, [new("Orleans:ServiceId", serviceId)]);
        service.StartServer();
        return service;
    }

    private static HttpClient ClientFor(GatewayFactory service, long userId)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestJwt.For(userId));
        return client;
    }
}
