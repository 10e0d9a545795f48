using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;
using UserGraph.Silo;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Persistence;

/// <summary>
/// The change log on a database of its own. Retention: expiry drops whole days, and a cursor
/// older than what was dropped is refused (410 over HTTP) instead of silently skipping changes.
/// Dispatch: changes come in transaction order, whatever the number of digits in the ids.
/// </summary>
public class PostgresGraphChangeLogTests
{
    private const string ServiceId = "retention";
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public async Task Expiry_drops_whole_days_and_refuses_cursors_older_than_what_it_dropped()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync();
        await PostgresSchema.ApplyAsync(connectionString);
        var now = DateTimeOffset.UtcNow;
        await ChangeLogRetention.MaintainAsync(connectionString, now, Week, daysAhead: 3);
        var (journal, log) = Open(connectionString);
        await using var _ = journal;

        var positions = await journal.AppendAsync(1, 1, Entry(2, 1), false, [Change(1, 2, GraphChangeKind.Followed, 1), Change(1, 3, GraphChangeKind.Followed, 1)]);
        var page = await log.ReadAsync(1, 0, 10);
        Assert.Equal(positions, page.Changes.Select(c => c.Change.Position));
        Assert.True(positions[0] < positions[1]);

        // A week and a day later, today's partition is past the retention.
        var dropped = await ChangeLogRetention.MaintainAsync(connectionString, now.AddDays(8), Week, daysAhead: 3);

        Assert.Contains(DateOnly.FromDateTime(now.UtcDateTime), dropped);
        Assert.DoesNotContain(ChangeLogRetention.PartitionName(DateOnly.FromDateTime(now.UtcDateTime)), await PartitionsAsync(connectionString));
        var expired = await Assert.ThrowsAsync<GraphChangesExpiredException>(() => log.ReadAsync(1, 0, 10));
        Assert.Equal(positions[1], expired.ExpiredThrough);
        Assert.Empty((await log.ReadAsync(1, positions[1], 10)).Changes);
    }

    [Fact]
    public async Task Maintenance_creates_the_days_ahead_once_however_often_it_runs()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync();
        await PostgresSchema.ApplyAsync(connectionString);
        var now = DateTimeOffset.UtcNow;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ChangeLogRetention.MaintainAsync(connectionString, now, Week, daysAhead: 2)));

        var expected = ChangeLogRetention.DaysToCreate(DateOnly.FromDateTime(now.UtcDateTime), 2).Select(ChangeLogRetention.PartitionName);
        Assert.Equal(expected.Order(), (await PartitionsAsync(connectionString)).Order());
    }

    [Fact]
    public async Task A_cursor_past_the_retention_answers_410_with_a_problem_over_http()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync();
        await using var service = new GatewayFactory(connectionString);
        service.StartServer();
        var me = TestUsers.NewId();
        using var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestJwt.For(me));
        var cursor = (await HttpAssert.Json(await client.GetAsync("/api/v2/user/graph/changes/"))).GetProperty("next_cursor").GetString();
        await HttpAssert.Succeeds(client.PutAsync($"/api/v2/user/{TestUsers.NewId()}/follow/", null));

        await ChangeLogRetention.MaintainAsync(connectionString, DateTimeOffset.UtcNow.AddDays(8), Week, daysAhead: 3);
        var response = await client.GetAsync($"/api/v2/user/graph/changes/?since={cursor}");

        await HttpAssert.Problem(response, HttpStatusCode.Gone);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("changes-expired", problem.RootElement.GetProperty("type").GetString());
        // Starting again without a cursor works.
        await HttpAssert.Json(await client.GetAsync("/api/v2/user/graph/changes/"));
    }

    [Fact]
    public async Task Dispatch_reads_in_transaction_order_across_a_change_in_digit_count()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync();
        await PostgresSchema.ApplyAsync(connectionString);
        await ChangeLogRetention.MaintainAsync(connectionString, DateTimeOffset.UtcNow, Week, daysAhead: 1);
        // Long-finished transaction ids, so all three are below every running one. As text,
        // "100" and "101" sort before "95": a text-ordered read would send 100 and 101 first
        // and move its cursor past 95 without ever sending it.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                $"""
                INSERT INTO graph_changes (position, service_id, user_id, other_user_id, kind, connection, version, tx)
                VALUES (1, '{ServiceId}', 7, 8, 1, 0, 1, '95'), (2, '{ServiceId}', 7, 9, 1, 0, 2, '100'), (3, '{ServiceId}', 7, 10, 1, 0, 3, '101')
                """,
                connection);
            await insert.ExecuteNonQueryAsync();
        }

        var (journal, log) = Open(connectionString);
        await using var _ = journal;

        var first = await log.ReadForDispatchAsync(default, partition: 0, partitions: 1, limit: 2);
        var rest = await log.ReadForDispatchAsync(first[^1].Cursor, partition: 0, partitions: 1, limit: 2);

        Assert.Equal([95UL, 100UL], first.Select(c => c.Cursor.Transaction));
        Assert.Equal([101UL], rest.Select(c => c.Cursor.Transaction));
    }

    private static (PostgresGraphJournal Journal, PostgresGraphChangeLog Log) Open(string connectionString)
    {
        var database = Options.Create(new GraphDatabaseOptions { ConnectionString = connectionString });
        var cluster = Options.Create(new ClusterOptions { ServiceId = ServiceId });
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        return (
            new PostgresGraphJournal(database, cluster, serializer, new GraphJournalMetrics(new Meter(nameof(PostgresGraphChangeLogTests)))),
            new PostgresGraphChangeLog(database, cluster, Options.Create(new GraphChangeLogOptions()), TimeProvider.System));
    }

    private static GraphJournalEntry Entry(long peer, long version) =>
        new(version, [new PeerFacts(peer, EdgeKinds.Follows, EdgeKinds.None, null)], MarksPeers: true);

    private static GraphChange Change(long user, long other, GraphChangeKind kind, long version) =>
        new(user, other, kind, ConnectionStatus.None, version);

    private static async Task<List<string>> PartitionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'graph_changes'::regclass", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
