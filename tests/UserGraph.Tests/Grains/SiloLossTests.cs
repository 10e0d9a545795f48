using System.Collections.Concurrent;
using System.Diagnostics;
using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Grains;

/// <summary>A silo killed (not stopped) while follows and statuses reads keep coming.</summary>
public class SiloLossTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_a_silo_under_load_loses_no_acknowledged_follow_and_gives_no_wrong_answer()
    {
        await using var cluster = await GraphTestCluster.StartAsync(GraphTestCluster.NewServiceId(), silos: 3);
        var acknowledged = new ConcurrentQueue<(long Follower, long Followee)>();
        var failures = new ConcurrentQueue<TimeSpan>();
        var wrongAnswers = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();

        async Task WriteAndReadAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var (follower, followee) = (TestUsers.NewId(), TestUsers.NewId());
                var grain = cluster.GrainFactory.GetGrain<IUserGraphGrain>(follower);
                try
                {
                    await grain.FollowAsync(followee);
                    acknowledged.Enqueue((follower, followee));
                    var read = await grain.GetStatusesAsync([followee]);
                    if (read.Statuses[0] != ConnectionStatus.Followed)
                    {
                        Interlocked.Increment(ref wrongAnswers);
                    }
                }
                catch (Exception)
                {
                    // A failed call is an answer the caller retries, never a wrong one.
                    failures.Enqueue(clock.Elapsed);
                }
            }
        }

        var workers = Enumerable.Range(0, 6).Select(_ => Task.Run(WriteAndReadAsync)).ToArray();
        await Task.Delay(500);
        var killedAt = clock.Elapsed;
        await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
        await Task.Delay(TimeSpan.FromSeconds(6));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var failureWindow = failures.IsEmpty ? TimeSpan.Zero : failures.Max() - killedAt;
        output.WriteLine($"{acknowledged.Count} follows acknowledged; {failures.Count} calls failed, " +
                         $"the last {failureWindow.TotalMilliseconds:0} ms after the kill; {wrongAnswers} wrong answers");
        Assert.Equal(0, wrongAnswers);
        foreach (var (follower, followee) in acknowledged)
        {
            Assert.True(
                await cluster.GrainFactory.GetGrain<IUserGraphGrain>(follower).IsFollowingAsync(followee),
                $"acknowledged follow {follower} -> {followee} was lost");
        }
    }
}
