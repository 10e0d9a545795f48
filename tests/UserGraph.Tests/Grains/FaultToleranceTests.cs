using Npgsql;
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
    public async Task A_peer_whose_writes_fail_for_a_while_shows_the_mirrors_at_once_and_stores_them_once_they_succeed()
    {
        var (me, target) = (TestUsers.NewId(), TestUsers.NewId());
        var others = Enumerable.Range(0, 5).Select(_ => TestUsers.NewId()).ToArray();
        StorageFaults.FailWritesOf(target);

        // The follow is durable at its owner, and the target shows it though it cannot store it.
        var written = await Grains.User(me).ChangeFollowAsync(target, EdgeChange.Add);
        Assert.Equal(new EdgeWriteResult(Present: true, Changed: true, MirrorPending: false), written);
        Assert.True(await Grains.User(target).IsFollowedByAsync(me));

        var results = await Task.WhenAll(others.Select(o => Grains.User(o).ChangeFollowAsync(target, EdgeChange.Add)));
        Assert.All(results, result => Assert.False(result.MirrorPending));
        await Grains.User(others[0]).UnfollowAsync(target);
        Assert.Equal(new GraphCounters(5, 0), await Grains.User(target).GetCountersAsync());

        StorageFaults.Heal(target);
        var recovery = await GraphConsistency.ConvergesAsync(Grains, [me, target, .. others]);
        output.WriteLine($"converged {recovery.TotalMilliseconds:0} ms after the storage healed");

        // Stored, not only shown: a new activation reads the same from storage once the owners
        // have sent them again (their deliveries retry until the target stored them).
        await Eventually.HoldsAsync(async () => await PendingEntriesAsync([me, .. others]) == 0, TimeSpan.FromSeconds(30), "every owner's delivery stored");
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(new GraphCounters(5, 0), await Grains.User(target).GetCountersAsync());
        Assert.True(await Grains.User(target).IsFollowedByAsync(me));
        Assert.False((await Grains.User(me).ChangeFollowAsync(target, EdgeChange.Remove)).MirrorPending);
        Assert.Equal(new GraphCounters(4, 0), await Grains.User(target).GetCountersAsync());
    }

    [Fact]
    public async Task A_mirror_read_while_only_shown_keeps_its_version_once_stored_so_a_clients_etag_stays_valid()
    {
        var (me, target) = (TestUsers.NewId(), TestUsers.NewId());
        var since = await Grains.User(target).GetChangePositionAsync();
        StorageFaults.SlowWritesOf(target);

        Assert.False((await Grains.User(me).ChangeFollowAsync(target, EdgeChange.Add)).MirrorPending);
        var shown = await Grains.User(target).GetStatusesAsync([me]);
        Assert.True(await Grains.User(target).IsFollowedByAsync(me));

        StorageFaults.Heal(target);
        // The change feed answers once the shown mirror is stored.
        Assert.NotEmpty((await Grains.User(target).GetChangesSinceAsync(since, 10)).Changes);
        Assert.Equal(shown.GraphVersion, (await Grains.User(target).GetStatusesAsync([me])).GraphVersion);
    }

    [Fact]
    public async Task A_mirror_shown_by_a_silo_that_dies_before_storing_it_is_stored_by_the_next_activation()
    {
        // The target's grain on a silo we can kill; the follower's elsewhere.
        var management = Grains.GetGrain<IManagementGrain>(0);
        var (target, victim) = await UserOnASecondarySiloAsync();

        long me;
        do
        {
            me = TestUsers.NewId();
            await Grains.User(me).GetCountersAsync();
        }
        while (Equals(await management.GetActivationAddress(Grains.User(me)), victim.SiloAddress));

        // The target shows the mirror and answers, but its silo dies before the mirror is stored.
        StorageFaults.HoldWritesOf(target);
        Assert.False((await Grains.User(me).ChangeFollowAsync(target, EdgeChange.Add)).MirrorPending);
        Assert.True(await Grains.User(target).IsFollowedByAsync(me));
        await _cluster.KillSiloAsync(victim);
        StorageFaults.Heal(target);

        // The follower's delivery sends it again, to the target's next activation, which stores it.
        var recovery = await Eventually.HoldsAsync(
            async () => await PendingEntriesAsync([me]) == 0, TimeSpan.FromSeconds(60), "the mirror stored after the silo loss");
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.True(await Grains.User(target).IsFollowedByAsync(me));
        Assert.Equal(new GraphCounters(1, 0), await Grains.User(target).GetCountersAsync());
        output.WriteLine($"stored {recovery.TotalMilliseconds:0} ms after the silo was killed");
    }

    /// <summary>A new user whose grain was activated on a secondary silo (one a test may kill), and that silo.</summary>
    private async Task<(long User, SiloHandle Silo)> UserOnASecondarySiloAsync()
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var secondaries = _cluster.SecondarySilos.ToDictionary(s => s.SiloAddress);
        while (true)
        {
            var user = TestUsers.NewId();
            await Grains.User(user).GetCountersAsync();
            if (await management.GetActivationAddress(Grains.User(user)) is { } address && secondaries.TryGetValue(address, out var silo))
            {
                return (user, silo);
            }
        }
    }

    /// <summary>The owners' journal entries still marked as not delivered.</summary>
    private async Task<long> PendingEntriesAsync(long[] owners)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.GetConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM graph_journal WHERE service_id = $1 AND user_id = ANY($2) AND pending", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _cluster.Options.ServiceId });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = owners });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_silo_lost_between_the_two_writes_does_not_lose_the_reverse_edge()
    {
        // A follower whose grain lives on a silo other than the primary, which we can kill.
        var (me, victim) = await UserOnASecondarySiloAsync();

        // The target is unreachable (its storage cannot be read): the mirror cannot be shown or stored.
        var target = TestUsers.NewId();
        StorageFaults.FailReadsOf(target);
        Assert.True((await Grains.User(me).ChangeFollowAsync(target, EdgeChange.Add)).MirrorPending);

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
