using System.Diagnostics;
using Npgsql;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Consistency;

/// <summary>
/// Users acting on each other at the same instant: none may wait on another until the mirror's
/// wait bound (that would be a deadlock or a convoy), and each scenario reports its write p99.
/// </summary>
[Collection(BurstCollection.Name)]
public class ConcurrentMirrorTests(ThreeSiloClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ThreeSiloClusterFixture>
{
    private static long[] NewUsers(int count) => [.. Enumerable.Range(0, count).Select(_ => TestUsers.NewId())];

    /// <summary>Runs the writes at once; fails if any answered with its mirror pending; returns the p99 in ms.</summary>
    private async Task<double> AllAtOnceAsync(string scenario, IEnumerable<Func<Task<EdgeWriteResult>>> writes)
    {
        var timed = await Task.WhenAll(writes.Select(async write =>
        {
            var clock = Stopwatch.StartNew();
            var result = await write();
            return (result.MirrorPending, clock.Elapsed.TotalMilliseconds);
        }));
        var latencies = timed.Select(t => t.TotalMilliseconds).Order().ToArray();
        var p99 = latencies[(int)Math.Ceiling(latencies.Length * 0.99) - 1];
        output.WriteLine($"{scenario}: {latencies.Length} writes, p50 {latencies[latencies.Length / 2]:0.0} ms, p99 {p99:0.0} ms, max {latencies[^1]:0.0} ms");
        Assert.Equal(0, timed.Count(t => t.MirrorPending));
        return p99;
    }

    /// <summary>How many journal entries the user ever wrote (the newest entry is never deleted).</summary>
    private async Task<long> EntriesWrittenAsync(long userId)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.GetConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(max(seq), 0) FROM graph_journal WHERE service_id = $1 AND user_id = $2", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fixture.Cluster.Options.ServiceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = userId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Two_users_following_each_other_at_the_same_instant_do_not_wait_on_each_other()
    {
        var users = NewUsers(400);
        var pairs = users.Chunk(2).ToArray();

        await AllAtOnceAsync("A follows B while B follows A (200 pairs)", pairs.SelectMany(pair => new Func<Task<EdgeWriteResult>>[]
        {
            () => fixture.Grains.User(pair[0]).ChangeFollowAsync(pair[1], EdgeChange.Add),
            () => fixture.Grains.User(pair[1]).ChangeFollowAsync(pair[0], EdgeChange.Add),
        }));

        foreach (var pair in pairs)
        {
            Assert.Equal(new Relationship(pair[1], true, true, ConnectionStatus.None, false, false), await fixture.Grains.User(pair[0]).GetRelationshipAsync(pair[1]));
        }
    }

    [Fact]
    public async Task A_cycle_of_three_following_at_the_same_instant_does_not_wait_on_itself()
    {
        var triples = NewUsers(300).Chunk(3).ToArray();

        await AllAtOnceAsync("cycle A->B->C->A (100 cycles)", triples.SelectMany(t => Enumerable.Range(0, 3).Select(i =>
            new Func<Task<EdgeWriteResult>>(() => fixture.Grains.User(t[i]).ChangeFollowAsync(t[(i + 1) % 3], EdgeChange.Add)))));

        foreach (var t in triples)
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.True(await fixture.Grains.User(t[(i + 1) % 3]).IsFollowedByAsync(t[i]));
                Assert.Equal(new GraphCounters(1, 1), await fixture.Grains.User(t[i]).GetCountersAsync());
            }
        }
    }

    [Fact]
    public async Task A_thousand_users_following_one_at_once_are_mirrored_in_batches()
    {
        var star = TestUsers.NewId();
        var followers = NewUsers(1000);

        await AllAtOnceAsync("1,000 users follow one", followers.Select(f => new Func<Task<EdgeWriteResult>>(() => fixture.Grains.User(f).ChangeFollowAsync(star, EdgeChange.Add))));

        Assert.Equal(new GraphCounters(1000, 0), await fixture.Grains.User(star).GetCountersAsync());
        Assert.Equal(followers.Order(), (await fixture.Grains.User(star).GetFollowersAsync(MutualFilter.Any, 0, 2000)).UserIds);
        var entries = await EntriesWrittenAsync(star);
        output.WriteLine($"the star stored its 1,000 mirrors in {entries} journal entries");
        Assert.True(entries <= 200, $"{entries} entries for 1,000 mirrors: not batched");
    }

    [Fact]
    public async Task One_user_following_a_thousand_at_once_shares_entries_and_mirrors_to_all()
    {
        var fan = TestUsers.NewId();
        var stars = NewUsers(1000);

        await AllAtOnceAsync("one user follows 1,000", stars.Select(s => new Func<Task<EdgeWriteResult>>(() => fixture.Grains.User(fan).ChangeFollowAsync(s, EdgeChange.Add))));

        Assert.Equal(new GraphCounters(0, 1000), await fixture.Grains.User(fan).GetCountersAsync());
        foreach (var star in stars)
        {
            Assert.True(await fixture.Grains.User(star).IsFollowedByAsync(fan));
        }

        var entries = await EntriesWrittenAsync(fan);
        output.WriteLine($"the fan stored its 1,000 follows in {entries} journal entries");
        Assert.True(entries <= 200, $"{entries} entries for 1,000 follows: not batched");
    }

    [Fact]
    public async Task After_a_steady_write_load_the_sweeper_finds_nothing_to_do()
    {
        var users = NewUsers(60);
        var clock = Stopwatch.StartNew();
        var writes = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            await Task.WhenAll(users.Select((user, i) => fixture.Grains.User(user).ToggleFollowAsync(users[(i + 1 + writes % 7) % users.Length])));
            writes++;
        }

        // Older than a sweep period (2 s in tests), every mark would be found now if it had not
        // been cleared on the normal path.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var woken = await fixture.Grains.GetGrain<IMirrorSweeperGrain>(0).SweepAsync();

        output.WriteLine($"{writes * users.Length} writes in 3 s; the sweep woke {woken} users");
        Assert.Equal(0, woken);
    }
}
