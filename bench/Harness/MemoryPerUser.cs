using Orleans.Streams;
using Microsoft.Extensions.Hosting;
using UserGraph.Grains.Interfaces;
using UserGraph.Silo;

namespace UserGraph.Bench.Harness;

/// <summary>
/// Managed heap per active user: a silo in this process activates users with no edges, then
/// the seeded users (each with its followings and followers), reading the GC heap after a full
/// collection before and after each step. Run while no other silo of the service is up.
/// </summary>
public static class MemoryPerUser
{
    /// <param name="emptyUsers">Users without edges activated for the per-activation figure (default: as many as the seeded ones).</param>
    public static async Task RunAsync(string connectionString, string serviceId, int users, int followsPerUser, int? emptyUsers = null)
    {
        var empty = emptyUsers ?? users;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["ConnectionStrings:Postgres"] = connectionString;
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: 11411, gatewayPort: 30411, serviceId: serviceId, clusterId: "bench-memory");
            silo.AddGraphPersistence();
            silo.AddGraphChangeStreams();
            silo.AddGraphActivationLimits();
        });
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        await ActivateAsync(grains, Enumerable.Range(0, 2000).Select(i => 800_000_000L + i));
        var start = Heap();
        await ActivateAsync(grains, Enumerable.Range(0, empty).Select(i => 900_000_000L + i));
        var afterEmpty = Heap();
        if (Environment.GetEnvironmentVariable("BENCH_MEMORY_PAUSE") is { } pause)
        {
            Console.Error.WriteLine($"paused for a heap dump of process {Environment.ProcessId}");
            await Task.Delay(TimeSpan.FromSeconds(int.Parse(pause)));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ActivateAsync(grains, Enumerable.Range(1, users).Select(i => (long)i));
        var activationSeconds = clock.Elapsed.TotalSeconds;
        var afterSeeded = Heap();

        // Each seeded user follows followsPerUser users and, summed over all, is followed as often.
        var edgesPerUser = 2.0 * followsPerUser;
        var perActivation = (afterEmpty - start) / (double)empty;
        var perSeededUser = (afterSeeded - afterEmpty) / (double)users;
        var perEdge = (perSeededUser - perActivation) / edgesPerUser;
        // Columns: workload measure users value (bench/run.sh reads them).
        Console.WriteLine($"memory activation-bytes {users} {perActivation:0}");
        Console.WriteLine($"memory bytes-per-edge {users} {perEdge:0.0}");
        Console.WriteLine($"memory user-with-100-edges-bytes {users} {perActivation + 100 * perEdge:0}");
        Console.WriteLine($"memory seeded-user-bytes {users} {perSeededUser:0}");
        // Cold: every seeded user is read from PostgreSQL (snapshot and journal) as it activates.
        Console.WriteLine($"memory cold-activations-per-s {users} {users / activationSeconds:0}");
        Console.WriteLine($"memory managed-heap-mib {users} {afterSeeded / 1048576.0:0}");

        await ChangeStreamsAsync(grains, host.Services.GetRequiredService<IClusterClient>(), users, perActivation + 100 * perEdge, perEdge, afterSeeded);
        await host.StopAsync();
    }

    /// <summary>
    /// What writing adds to a user. First a tenth of the users (at most 100,000) each follow
    /// another seeded user, nobody subscribed to either: a busy user publishes nothing, so this is
    /// what its activation keeps of the write (net of the two edges each follow adds, one in each
    /// user's view). Then a tenth of those writers (at most 10,000) are subscribed to from this
    /// process and follow someone else: each such stream gets its pub-sub grain, the pulling
    /// agent's record and the subscription itself. Then the same once the streams have been idle
    /// past <see cref="GraphSiloBuilderExtensions.ChangeStreamIdlePeriod"/>.
    /// </summary>
    private static async Task ChangeStreamsAsync(IGrainFactory grains, IClusterClient client, int users, double userWith100Edges, double perEdge, long heapBefore)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var writers = Math.Min(users / 10, 100_000);
        await FollowAsync(grains, Enumerable.Range(1, writers), i => i + writers);
        // Let the last events, had there been any, reach the pulling agents and their pub-sub grains.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var unsubscribedStreams = await ActivationsAsync(management, GraphSiloBuilderExtensions.PubSubRendezvousGrainClass);
        var afterBusy = Heap();
        var perBusyUser = (afterBusy - heapBefore - 2 * writers * perEdge) / (2.0 * writers);
        Console.WriteLine($"memory busy-users {users} {2 * writers}");
        Console.WriteLine($"memory busy-user-streams {users} {unsubscribedStreams}");
        Console.WriteLine($"memory busy-user-bytes {users} {perBusyUser:0}");
        Console.WriteLine($"memory busy-user-with-100-edges-bytes {users} {userWith100Edges + perBusyUser:0}");

        var subscribed = Math.Max(1, writers / 10);
        var provider = client.GetStreamProvider(GraphChangeStreams.ProviderName);
        var received = 0;
        foreach (var chunk in Enumerable.Range(1, subscribed).Chunk(500))
        {
            await Task.WhenAll(chunk.Select(i => provider.GetStream<GraphChange>(GraphChangeStreams.ForUser(i)).SubscribeAsync((_, _) =>
            {
                Interlocked.Increment(ref received);
                return Task.CompletedTask;
            })));
        }

        var expected = await FollowAsync(grains, Enumerable.Range(1, subscribed), i => i + 2 * writers);
        var delivered = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref received) < expected && delivered.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        var streams = await ActivationsAsync(management, GraphSiloBuilderExtensions.PubSubRendezvousGrainClass);
        var newEdges = 2 * subscribed * perEdge;
        var perStream = (Heap() - afterBusy - newEdges) / subscribed;
        Console.WriteLine($"memory subscribed-streams {users} {streams}");
        Console.WriteLine($"memory subscribed-events-expected {users} {expected}");
        Console.WriteLine($"memory subscribed-events-received {users} {Volatile.Read(ref received)}");
        Console.WriteLine($"memory subscribed-stream-bytes {users} {perStream:0}");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var left = streams;
        while (left > 0 && clock.Elapsed < TimeSpan.FromMinutes(6))
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            left = await ActivationsAsync(management, GraphSiloBuilderExtensions.PubSubRendezvousGrainClass);
        }

        Console.WriteLine($"memory change-streams-left-after-idle {users} {left}");
        Console.WriteLine($"memory change-streams-idle-seconds {users} {clock.Elapsed.TotalSeconds:0}");
        Console.WriteLine($"memory subscribed-stream-heap-left-bytes {users} {(Heap() - afterBusy - newEdges) / subscribed:0}");
        // Users are collected after Orleans' collection age (15 minutes), not the streams' 2.
        Console.WriteLine($"memory users-still-active {users} {await ActivationsAsync(management, typeof(UserGraph.Grains.UserGraphGrain).FullName!)}");
    }

    /// <returns>How many of the follows were new (a seeded user may already follow the one chosen).</returns>
    private static async Task<int> FollowAsync(IGrainFactory grains, IEnumerable<int> followers, Func<int, int> followed)
    {
        var changed = 0;
        foreach (var chunk in followers.Chunk(500))
        {
            var results = await Task.WhenAll(chunk.Select(i => grains.GetGrain<IUserGraphGrain>(i).ChangeFollowAsync(followed(i), EdgeChange.Add)));
            changed += results.Count(result => result.Changed);
        }

        return changed;
    }

    private static async Task<int> ActivationsAsync(IManagementGrain management, string grainClass) =>
        (await management.GetSimpleGrainStatistics())
            .Where(statistic => statistic.GrainType.StartsWith(grainClass + ",", StringComparison.Ordinal))
            .Sum(statistic => statistic.ActivationCount);

    private static async Task ActivateAsync(IGrainFactory grains, IEnumerable<long> users)
    {
        foreach (var chunk in users.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(user => grains.GetGrain<IUserGraphGrain>(user).GetCountersAsync()));
        }
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
