using System.Collections.Concurrent;
using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Grains;

/// <summary>Silos shut down gracefully one after another while follows keep coming.</summary>
public class RollingRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_acknowledged_follow_is_lost_across_a_rolling_restart()
    {
        await using var cluster = await GraphTestCluster.StartAsync(GraphTestCluster.NewServiceId(), silos: 3);
        var acknowledged = new ConcurrentBag<(long Follower, long Followee)>();
        var failed = 0;
        using var stop = new CancellationTokenSource();

        async Task WriteAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var (follower, followee) = (TestUsers.NewId(), TestUsers.NewId());
                try
                {
                    await cluster.GrainFactory.GetGrain<IUserGraphGrain>(follower).FollowAsync(followee);
                    acknowledged.Add((follower, followee));
                }
                catch (Exception)
                {
                    // Not acknowledged: the caller would retry; nothing is promised about it.
                    Interlocked.Increment(ref failed);
                }
            }
        }

        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(WriteAsync)).ToArray();
        await Task.Delay(300);

        // The primary silo hosts development membership, so the secondaries are the ones rolled.
        foreach (var silo in cluster.SecondarySilos.ToArray())
        {
            await cluster.StopSiloAsync(silo);
            await cluster.StartAdditionalSiloAsync();
            await Task.Delay(200);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);

        output.WriteLine($"{acknowledged.Count} follows acknowledged, {failed} refused during the restarts");
        Assert.True(acknowledged.Count > 50, $"only {acknowledged.Count} follows were acknowledged");
        foreach (var (follower, followee) in acknowledged)
        {
            Assert.True(
                await cluster.GrainFactory.GetGrain<IUserGraphGrain>(follower).IsFollowingAsync(followee),
                $"acknowledged follow {follower} -> {followee} was lost");
        }

        await GraphConsistency.ConvergesAsync(
            cluster.GrainFactory, acknowledged.SelectMany(p => new[] { p.Follower, p.Followee }), TimeSpan.FromSeconds(60));
    }
}
