using Microsoft.Extensions.DependencyInjection;
using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Operations;

/// <summary>
/// The service sheds activations under memory pressure (Orleans' collector, turned on by
/// <c>AddGraphActivationLimits</c> and set through <c>Orleans:GrainCollection</c>), and a user
/// shed after acknowledged writes comes back from storage with all of them.
/// </summary>
public class ActivationSheddingTests(ITestOutputHelper output)
{
    private const int Pairs = 200;

    [Fact]
    public async Task Over_its_memory_limit_the_silo_deactivates_idle_users_and_they_come_back_whole()
    {
        // Orleans compares committed managed memory with what the runtime may use; a limit at a
        // fraction of what this test process already uses puts the silo over it from the start.
        var memory = GC.GetGCMemoryInfo();
        var usedPercent = 100.0 * (memory.TotalCommittedBytes - memory.FragmentedBytes) / memory.TotalAvailableMemoryBytes;
        var limit = usedPercent / 2;
        await using var service = new GatewayFactory(
            await TestDatabase.GetConnectionStringAsync(),
            [
                new("Orleans:GrainCollection:MemoryUsageLimitPercentage", limit.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
                new("Orleans:GrainCollection:MemoryUsageTargetPercentage", (limit / 2).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
                new("Orleans:GrainCollection:MemoryUsagePollingPeriod", "00:00:01"),
            ]);
        service.StartServer();
        var grains = service.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var pairs = Enumerable.Range(0, Pairs).Select(_ => (A: TestUsers.NewId(), B: TestUsers.NewId())).ToArray();
        foreach (var chunk in pairs.Chunk(50))
        {
            await Task.WhenAll(chunk.Select(pair => grains.User(pair.A).ChangeFollowAsync(pair.B, EdgeChange.Add)));
        }

        // The directory may still name a shed activation's silo; the silo's own count does not.
        async Task<int> ActiveUsersAsync() =>
            (await management.GetSimpleGrainStatistics())
                .Where(statistic => statistic.GrainType.StartsWith(typeof(UserGraph.Grains.UserGraphGrain).FullName + ",", StringComparison.Ordinal))
                .Sum(statistic => statistic.ActivationCount);

        var before = await ActiveUsersAsync();
        // The writes activated every one of the 2 x Pairs users, and idle collection would keep
        // them 15 minutes, so any fewer is shedding at work already (a full collection elsewhere
        // in this process can start it during the writes: 159 were left once). More than none
        // shows that the count sees users at all, so the wait below cannot pass on a count of nothing.
        Assert.True(before > 0, "no users counted active right after the writes");
        // Orleans sheds only after a full collection since its last round (a sign of real
        // pressure); this process is far from any, so the test asks for one. Idle collection
        // alone would keep every user 15 minutes.
        var took = await Eventually.HoldsAsync(async () =>
            {
                GC.Collect();
                return await ActiveUsersAsync() < Pairs / 2;
            }, TimeSpan.FromSeconds(30),
            $"fewer than {Pairs / 2} of the {2 * Pairs} users active (shedding at {limit:0.###}% of available memory)");
        output.WriteLine($"{before} of {2 * Pairs} users active after the writes; under {Pairs / 2} {took.TotalSeconds:0.0} s later");

        foreach (var (a, b) in pairs)
        {
            Assert.True(await grains.User(b).IsFollowedByAsync(a), $"{b} lost its follower {a}");
            var counters = await grains.User(a).GetCountersAsync();
            Assert.Equal(1, counters.Followings);
        }
    }
}
