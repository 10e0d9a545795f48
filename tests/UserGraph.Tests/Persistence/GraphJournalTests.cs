using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;
using UserGraph.Silo;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Persistence;

/// <summary>The change journal on the real database, alone and behind the grains.</summary>
public class GraphJournalTests
{
    private static async Task<PostgresGraphJournal> JournalAsync(string serviceId, GraphJournalMetrics? metrics = null)
    {
        await PostgresSchema.ApplyAsync(await TestDatabase.GetConnectionStringAsync());
        var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        return new PostgresGraphJournal(
            Options.Create(new GraphDatabaseOptions { ConnectionString = await TestDatabase.GetConnectionStringAsync() }),
            Options.Create(new ClusterOptions { ServiceId = serviceId }),
            services.GetRequiredService<Serializer>(),
            metrics ?? new GraphJournalMetrics(new Meter(nameof(GraphJournalTests))));
    }

    /// <summary>Entries 1 to <paramref name="count"/>, each a follow whose mirror is still to be delivered.</summary>
    private static async Task AppendPendingFollowsAsync(PostgresGraphJournal journal, long user, long count)
    {
        for (var sequence = 1L; sequence <= count; sequence++)
        {
            await journal.AppendAsync(user, sequence, Follow(sequence + 1, sequence), deliveryPending: true, []);
        }
    }

    private static GraphJournalEntry Follow(long peer, long version) =>
        new(version, [new PeerFacts(peer, EdgeKinds.Follows, EdgeKinds.None, null)], MarksPeers: true);

    [Fact]
    public async Task An_append_at_a_taken_or_superseded_sequence_is_refused()
    {
        await using var journal = await JournalAsync(GraphTestCluster.NewServiceId());
        var user = TestUsers.NewId();
        await journal.AppendAsync(user, 1, Follow(2, 1), deliveryPending: false, []);
        await journal.AppendAsync(user, 2, Follow(3, 2), deliveryPending: false, []);
        await journal.AppendAsync(user, 3, Follow(4, 3), deliveryPending: false, []);
        await journal.DeleteBeforeAsync(user, 3, deliveredThrough: 0);

        await Assert.ThrowsAsync<InconsistentStateException>(() => journal.AppendAsync(user, 3, Follow(5, 4), false, []));
        // Entry 2 is gone, but the newer entry 3 shows that a writer at 2 is stale.
        await Assert.ThrowsAsync<InconsistentStateException>(() => journal.AppendAsync(user, 2, Follow(5, 4), false, []));
        await journal.AppendAsync(user, 4, Follow(5, 4), false, []);

        Assert.Equal([3L, 4L], (await journal.ReadAfterAsync(user, 0)).Select(r => r.Sequence));
    }

    [Fact]
    public async Task Every_append_and_every_statement_is_measured_refused_ones_too()
    {
        using var meter = new Meter(GraphJournalMetrics.MeterName);
        var measured = new ConcurrentQueue<(string Instrument, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, subscriber) =>
        {
            if (instrument.Meter == meter)
            {
                subscriber.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured.Enqueue((instrument.Name, value)));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => measured.Enqueue((instrument.Name, value)));
        listener.Start();
        await using var journal = await JournalAsync(GraphTestCluster.NewServiceId(), new GraphJournalMetrics(meter));
        var users = Enumerable.Range(0, 5).Select(_ => TestUsers.NewId()).ToArray();

        await Task.WhenAll(users.Select(u => journal.AppendAsync(u, 1, Follow(1, 1), false, [])));
        await Assert.ThrowsAsync<InconsistentStateException>(() => journal.AppendAsync(users[0], 1, Follow(2, 1), false, []));

        var appends = measured.Where(m => m.Instrument == "usergraph.journal.append.duration").Select(m => m.Value).ToArray();
        var statements = measured.Where(m => m.Instrument == "usergraph.journal.statement.duration").Select(m => m.Value).ToArray();
        var entries = measured.Where(m => m.Instrument == "usergraph.journal.statement.entries").Select(m => m.Value).ToArray();
        Assert.Equal(6, appends.Length);
        Assert.All(appends, seconds => Assert.InRange(seconds, 1e-6, 30));
        Assert.Equal(statements.Length, entries.Length);
        Assert.InRange(statements.Length, 2, 6);
        Assert.All(statements, seconds => Assert.InRange(seconds, 1e-6, 30));
        Assert.Equal(6, entries.Sum());
    }

    [Fact]
    public async Task Concurrent_appends_of_many_users_all_land_and_one_of_two_rivals_wins()
    {
        await using var journal = await JournalAsync(GraphTestCluster.NewServiceId());
        var users = Enumerable.Range(0, 300).Select(_ => TestUsers.NewId()).ToArray();
        var rival = users[0];

        var appends = users.Select(u => journal.AppendAsync(u, 1, Follow(1, 1), false, []))
            .Append(journal.AppendAsync(rival, 1, Follow(2, 1), false, []))
            .Select(async append => { try { await append; return true; } catch (InconsistentStateException) { return false; } })
            .ToArray();
        var outcomes = await Task.WhenAll(appends);

        Assert.Equal(users.Length, outcomes.Count(stored => stored));
        foreach (var user in users)
        {
            Assert.Single(await journal.ReadAfterAsync(user, 0));
        }
    }

    [Fact]
    public async Task Pending_deliveries_are_found_until_acknowledged_and_survive_compaction()
    {
        var serviceId = GraphTestCluster.NewServiceId();
        await using var journal = await JournalAsync(serviceId);
        var (pending, delivered) = (TestUsers.NewId(), TestUsers.NewId());
        await journal.AppendAsync(pending, 1, Follow(2, 1), deliveryPending: true, []);
        await journal.AppendAsync(pending, 2, Follow(3, 2), deliveryPending: false, []);
        await journal.AppendAsync(delivered, 1, Follow(2, 1), deliveryPending: true, []);
        await journal.AcknowledgeDeliveriesAsync(delivered, 1, snapshotSequence: 0);

        await journal.DeleteBeforeAsync(pending, 2, deliveredThrough: 0);

        Assert.Equal([pending], await journal.FindPendingDeliveriesAsync(TimeSpan.Zero, 10));
        Assert.Empty(await journal.FindPendingDeliveriesAsync(TimeSpan.FromMinutes(5), 10));
        await journal.AcknowledgeDeliveriesAsync(pending, 2, snapshotSequence: 2);
        Assert.Empty(await journal.FindPendingDeliveriesAsync(TimeSpan.Zero, 10));
        // Entry 1 was kept by compaction only while pending; the acknowledgement let it go.
        Assert.Equal([2L], (await journal.ReadAfterAsync(pending, 0)).Select(r => r.Sequence));
    }

    [Fact]
    public async Task Acknowledgements_stored_together_fold_everything_below_the_newest_snapshot_they_name()
    {
        var serviceId = GraphTestCluster.NewServiceId();
        await using var journal = await JournalAsync(serviceId);
        var user = TestUsers.NewId();
        await AppendPendingFollowsAsync(journal, user, 3);

        // Two acknowledgements of one user, most likely stored in one statement: one sent before a
        // snapshot at 3 was stored (naming none), one after.
        await Task.WhenAll(
            journal.AcknowledgeDeliveriesAsync(user, 2, snapshotSequence: 0),
            journal.AcknowledgeDeliveriesAsync(user, 2, snapshotSequence: 3));

        Assert.Equal([3L], (await journal.ReadAfterAsync(user, 0)).Select(r => r.Sequence));
    }

    [Fact]
    public async Task An_acknowledgement_racing_a_compaction_of_the_same_entries_waits_for_it_instead_of_deadlocking()
    {
        var serviceId = GraphTestCluster.NewServiceId();
        await using var journal = await JournalAsync(serviceId);
        var user = TestUsers.NewId();
        await AppendPendingFollowsAsync(journal, user, 8);

        // Holding entry 2 stops the compaction once it has locked entry 1, and the acknowledgement
        // queues behind it for entry 1. Had the acknowledgement locked 3 to 8 first (as its update
        // once did), the compaction, let go, would need entry 3 from it: a deadlock.
        await using var gate = new NpgsqlConnection(await TestDatabase.GetConnectionStringAsync());
        await gate.OpenAsync();
        await using var held = await gate.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT seq FROM graph_journal WHERE service_id = $1 AND user_id = $2 AND seq = 2 FOR UPDATE", gate))
        {
            hold.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
            hold.Parameters.Add(new NpgsqlParameter<long> { TypedValue = user });
            await hold.ExecuteNonQueryAsync();
        }

        // A snapshot at 6 was stored; its compaction starts.
        var compacted = journal.DeleteBeforeAsync(user, 6, deliveredThrough: 8);
        await Eventually.HoldsAsync(async () => await WaitingBehindAsync(gate.ProcessID) == 1, "the compaction waits at entry 2");
        // Sent before that snapshot was stored, naming the one before it at 3: entries 1 and 2
        // are the acknowledgement's to delete, 3 to 8 its to clear.
        var acknowledged = journal.AcknowledgeDeliveriesAsync(user, 8, snapshotSequence: 3);
        await Eventually.HoldsAsync(async () => await WaitingBehindAsync(gate.ProcessID) == 2, "the acknowledgement waits too");
        await held.CommitAsync();

        await Task.WhenAll(compacted, acknowledged);
        Assert.Equal([6L, 7L, 8L], (await journal.ReadAfterAsync(user, 0)).Select(r => r.Sequence));
        Assert.Empty(await journal.FindPendingDeliveriesAsync(TimeSpan.Zero, 10));
    }

    /// <summary>How many sessions wait, directly or through another waiting session, for <paramref name="processId"/>.</summary>
    private static async Task<long> WaitingBehindAsync(int processId)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.GetConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            WITH RECURSIVE behind (pid) AS (
                SELECT pid FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))
                UNION
                SELECT a.pid FROM pg_stat_activity a JOIN behind b ON b.pid = ANY (pg_blocking_pids(a.pid))
            )
            SELECT count(*) FROM behind
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = processId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Snapshots_fold_the_journal_and_a_restart_recovers_the_exact_graph()
    {
        var serviceId = GraphTestCluster.NewServiceId();
        var settings = new Dictionary<string, string> { ["Graph:Journal:MinEntriesBetweenSnapshots"] = "4" };
        var me = TestUsers.NewId();
        var others = Enumerable.Range(0, 12).Select(_ => TestUsers.NewId()).ToArray();
        var expected = new HashSet<long>();
        await using (var first = await GraphTestCluster.StartAsync(serviceId, silos: 1, settings: settings))
        {
            var grain = first.GrainFactory.GetGrain<IUserGraphGrain>(me);
            for (var i = 0; i < 30; i++)
            {
                var other = others[(i * 7) % others.Length];
                var follows = await grain.ToggleFollowAsync(other);
                if (follows)
                {
                    expected.Add(other);
                }
                else
                {
                    expected.Remove(other);
                }
            }

            await GraphConsistency.AssertConsistentAsync(first.GrainFactory, [me, .. others]);
            await Eventually.HoldsAsync(
                async () => await CountJournalRowsAsync(serviceId, me) < 10, TimeSpan.FromSeconds(30), "30 entries folded into a snapshot");
        }

        await using var second = await GraphTestCluster.StartAsync(serviceId, silos: 1, settings: settings);
        var statuses = (await second.GrainFactory.GetGrain<IUserGraphGrain>(me).GetStatusesAsync(others)).Statuses;
        Assert.Equal(others.Select(o => expected.Contains(o) ? ConnectionStatus.Followed : ConnectionStatus.None), statuses);
        Assert.Empty(await GraphConsistency.ViolationsAsync(second.GrainFactory, [me, .. others]));
    }

    [Fact]
    public async Task After_an_erasure_no_stored_entry_names_the_erased_user()
    {
        var serviceId = GraphTestCluster.NewServiceId();
        var (erased, follower, followee) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        await using var cluster = await GraphTestCluster.StartAsync(serviceId, silos: 1);
        await cluster.GrainFactory.GetGrain<IUserGraphGrain>(follower).FollowAsync(erased);
        await cluster.GrainFactory.GetGrain<IUserGraphGrain>(erased).FollowAsync(followee);
        await GraphConsistency.AssertConsistentAsync(cluster.GrainFactory, [erased, follower, followee]);

        await cluster.GrainFactory.GetGrain<IGraphMaintenanceGrain>(0).EraseUserAsync(erased);

        var mentions = await JournalEntriesAsync(serviceId);
        Assert.DoesNotContain(mentions, row => row.User == erased && row.Entry.Peers.Length > 0);
        Assert.DoesNotContain(mentions, row => row.Entry.Peers.Any(p => p.PeerId == erased));
    }

    private static async Task<long> CountJournalRowsAsync(string serviceId, long userId)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.GetConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM graph_journal WHERE service_id = @service AND user_id = @user", connection);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("user", userId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<(long User, GraphJournalEntry Entry)>> JournalEntriesAsync(string serviceId)
    {
        await using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        await using var connection = new NpgsqlConnection(await TestDatabase.GetConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT user_id, entry FROM graph_journal WHERE service_id = @service", connection);
        command.Parameters.AddWithValue("service", serviceId);
        var rows = new List<(long, GraphJournalEntry)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), serializer.Deserialize<GraphJournalEntry>((byte[])reader.GetValue(1))!));
        }

        return rows;
    }
}
