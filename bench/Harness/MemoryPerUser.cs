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
        await host.StopAsync();
    }

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
