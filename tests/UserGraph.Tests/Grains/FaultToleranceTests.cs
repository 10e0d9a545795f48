using Orleans.TestingHost;
using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Grains;

/// <summary>
/// Convergence under faults, on a three-silo cluster whose storage fails writes on demand:
/// after recovery every forward edge has exactly its reverse edge, counters exact.
/// </summary>
public class FaultToleranceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.GrainFactory;

    public async Task InitializeAsync() =>
        _cluster = await GraphTestCluster.StartAsync(GraphTestCluster.NewServiceId(), silos: 3, faultInjection: true);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_follow_whose_write_fails_is_refused_and_leaves_no_trace()
    {
        var (me, target) = (TestUsers.NewId(), TestUsers.NewId());
        StorageFaults.FailWritesOf(me);

        await Assert.ThrowsAsync<InjectedStorageFaultException>(() => Grains.User(me).FollowAsync(target));
        StorageFaults.Heal(me);

        Assert.False(await Grains.User(me).IsFollowingAsync(target));
        Assert.False(await Grains.User(target).IsFollowedByAsync(me));
        Assert.Empty(await GraphConsistency.ViolationsAsync(Grains, [me, target]));
        Assert.True(await Grains.User(me).FollowAsync(target));
        await GraphConsistency.AssertConsistentAsync(Grains, [me, target]);
    }

    [Fact]
    public async Task A_peer_whose_writes_fail_for_a_while_catches_up_once_they_succeed()
    {
        var (me, target) = (TestUsers.NewId(), TestUsers.NewId());
        var others = Enumerable.Range(0, 5).Select(_ => TestUsers.NewId()).ToArray();
        StorageFaults.FailWritesOf(target);

        // The follow is durable at once, but the answer waits the bound (1 s) for the mirror and
        // then says it is still pending.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var written = await Grains.User(me).ChangeFollowAsync(target, EdgeChange.Add);
        var waited = clock.Elapsed;
        Assert.Equal(new EdgeWriteResult(Present: true, Changed: true, MirrorPending: true), written);
        Assert.InRange(waited, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
        Assert.True(await Grains.User(me).IsFollowingAsync(target));
        output.WriteLine($"the write answered with its mirror pending after {waited.TotalMilliseconds:0} ms");

        var results = await Task.WhenAll(others.Select(o => Grains.User(o).ChangeFollowAsync(target, EdgeChange.Add)));
        Assert.All(results, result => Assert.True(result.MirrorPending));
        await Grains.User(others[0]).UnfollowAsync(target);
        Assert.False(await Grains.User(target).IsFollowedByAsync(me));

        StorageFaults.Heal(target);
        var recovery = await GraphConsistency.ConvergesAsync(Grains, [me, target, .. others]);

        Assert.Equal(new GraphCounters(5, 0), await Grains.User(target).GetCountersAsync());
        output.WriteLine($"converged {recovery.TotalMilliseconds:0} ms after the storage healed");
        Assert.False((await Grains.User(me).ChangeFollowAsync(target, EdgeChange.Remove)).MirrorPending);
        Assert.Equal(new GraphCounters(4, 0), await Grains.User(target).GetCountersAsync());
    }

    [Fact]
    public async Task A_silo_lost_between_the_two_writes_does_not_lose_the_reverse_edge()
    {
        // Find a follower whose grain lives on a silo other than the primary, which we can kill.
        var management = Grains.GetGrain<IManagementGrain>(0);
        var secondaries = _cluster.SecondarySilos.ToDictionary(s => s.SiloAddress);
        long me;
        SiloHandle? victim;
        do
        {
            me = TestUsers.NewId();
            await Grains.User(me).GetCountersAsync();
            var address = await management.GetActivationAddress(Grains.User(me));
            victim = address is not null && secondaries.TryGetValue(address, out var silo) ? silo : null;
        }
        while (victim is null);

        var target = TestUsers.NewId();
        StorageFaults.FailWritesOf(target);
        await Grains.User(me).FollowAsync(target);
        Assert.False(await Grains.User(target).IsFollowedByAsync(me));

        // The follower's silo dies with the delivery still pending; only storage remembers it.
        await _cluster.KillSiloAsync(victim);
        StorageFaults.Heal(target);

        // Only the target is asked, so only the follower's durable reminder can bring it back.
        var recovery = await Eventually.HoldsAsync(
            () => Grains.User(target).IsFollowedByAsync(me), TimeSpan.FromSeconds(60), "reverse edge after the silo loss");
        await GraphConsistency.ConvergesAsync(Grains, [me, target]);
        Assert.True(await Grains.User(me).IsFollowingAsync(target));
        Assert.Equal(new GraphCounters(1, 0), await Grains.User(target).GetCountersAsync());
        output.WriteLine($"converged {recovery.TotalMilliseconds:0} ms after the silo was killed");
    }
}
