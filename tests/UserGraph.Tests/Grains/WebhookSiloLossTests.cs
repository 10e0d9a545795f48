using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Grains;

/// <summary>
/// A silo killed while it dispatches webhooks: its dispatchers come back on the surviving silos
/// (their reminders) and resume from their stored cursors, so every change still arrives and
/// each user's first arrivals keep the log's order.
/// In-process silos are killed without their threads, so this also covers a dispatcher that
/// keeps running for a while after its silo was declared dead.
/// </summary>
public class WebhookSiloLossTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dispatchers_of_a_killed_silo_resume_elsewhere_and_lose_nothing()
    {
        await using var cluster = await GraphTestCluster.StartAsync(GraphTestCluster.NewServiceId(), silos: 3, settings: new Dictionary<string, string>
        {
            [GraphTestCluster.RandomPlacementSetting] = "true",
            ["Graph:Webhooks:Partitions"] = "8",
            ["Graph:Webhooks:PollInterval"] = "00:00:00.050",
            ["Graph:Webhooks:KeepAlivePeriod"] = "00:00:02",
            ["Graph:Webhooks:Retry:InitialDelay"] = "00:00:00.200",
            ["Graph:Webhooks:Retry:MaxDelay"] = "00:00:01",
        });
        var secret = WebhookReceiver.NewSecret();
        await using var receiver = new WebhookReceiver(secret);
        await receiver.StartAsync();
        await cluster.GrainFactory.GetGrain<IWebhookAdminGrain>(0).CreateAsync(new WebhookEndpointSpec(receiver.Url, secret, ["follow.created"]));
        var users = Enumerable.Range(0, 40).Select(_ => TestUsers.NewId()).ToArray();
        var followed = new List<(long, long)>();

        async Task FollowRoundAsync(int round)
        {
            foreach (var (user, i) in users.Select((u, i) => (u, i)))
            {
                var target = users[(i + 1 + round) % users.Length];
                await cluster.GrainFactory.GetGrain<IUserGraphGrain>(user).FollowAsync(target);
                followed.Add((user, target));
            }
        }

        await FollowRoundAsync(0);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.FirstArrivalsByUser().Sum(u => u.Value.Count) >= users.Length), TimeSpan.FromSeconds(20), "the first round");
        var dispatchers = await cluster.GrainFactory.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var bySilo = dispatchers.Where(d => d.GrainType.Contains("WebhookDispatcher", StringComparison.Ordinal))
            .GroupBy(d => d.SiloAddress).ToDictionary(g => g.Key, g => g.Count());
        var victim = cluster.SecondarySilos.MaxBy(s => bySilo.GetValueOrDefault(s.SiloAddress))!;
        output.WriteLine($"dispatchers by silo: {string.Join(", ", bySilo.Select(p => $"{p.Key}: {p.Value}"))}; killing {victim.SiloAddress}");
        Assert.True(bySilo.GetValueOrDefault(victim.SiloAddress) > 0, "no dispatcher ran on a secondary silo");

        await cluster.KillSiloAsync(victim);
        await FollowRoundAsync(1);
        await FollowRoundAsync(2);

        await Eventually.HoldsAsync(
            () => Task.FromResult(receiver.FirstArrivalsByUser().Sum(u => u.Value.Count) >= followed.Count),
            TimeSpan.FromSeconds(45),
            "every follow after the kill");
        var arrived = receiver.FirstArrivalsByUser();
        var outOfOrder = arrived.Where(u => !u.Value.Select(d => d.Position).SequenceEqual(u.Value.Select(d => d.Position).Order())).ToList();
        foreach (var (user, _) in outOfOrder)
        {
            output.WriteLine($"user {user}: {string.Join(" ", receiver.Received.Where(d => d.UserId == user).Select(d => d.Position))}");
        }

        Assert.Equal(followed.Order(), arrived.SelectMany(u => u.Value.Select(d => (d.UserId, d.OtherUserId))).Order());
        Assert.Empty(outOfOrder);
        output.WriteLine($"{receiver.Received.Count} deliveries for {followed.Count} changes ({receiver.Received.Count - followed.Count} duplicates)");
    }
}
