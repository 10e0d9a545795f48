using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Silo;

/// <summary><see cref="IGraphChangeLog"/> on the <c>graph_changes</c> table (Schema/006-change-log.sql).</summary>
internal sealed class PostgresGraphChangeLog(
    IOptions<GraphDatabaseOptions> database,
    IOptions<ClusterOptions> cluster,
    IOptions<GraphChangeLogOptions> options,
    TimeProvider time) : IGraphChangeLog
{
    // The transaction id is read as text under its own name: an output column called tx would be
    // what ORDER BY tx sorts by, in text order, where "1000" comes before "999".
    private const string Columns = "position, user_id, other_user_id, kind, connection, version, created, tx::text AS tx_text";

    public async Task<long> CurrentPositionAsync()
    {
        await using var connection = await OpenAsync();
        // last_value is the last position handed out by any session, committed or not: at or after
        // every stored change.
        await using var command = new NpgsqlCommand("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM graph_change_position", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<GraphChangePage> ReadAsync(long userId, long position, int limit)
    {
        await using var connection = await OpenAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT expired_through FROM graph_changes_horizon"),
                new NpgsqlBatchCommand(
                    $"""
                    SELECT {Columns} FROM graph_changes
                    WHERE service_id = $1 AND user_id = $2 AND position > $3
                    ORDER BY position
                    LIMIT $4
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<string> { TypedValue = cluster.Value.ServiceId },
                        new NpgsqlParameter<long> { TypedValue = userId },
                        new NpgsqlParameter<long> { TypedValue = position },
                        new NpgsqlParameter<int> { TypedValue = limit },
                    },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var expiredThrough = reader.GetInt64(0);
        if (position < expiredThrough)
        {
            throw new GraphChangesExpiredException(position, expiredThrough);
        }

        await reader.NextResultAsync();
        var changes = new List<LoggedChange>();
        while (await reader.ReadAsync())
        {
            changes.Add(Read(reader).Logged);
        }

        return new GraphChangePage([.. changes], changes.Count > 0 ? changes[^1].Change.Position : position);
    }

    /// <remarks>
    /// A transaction older than the oldest one still running can no longer commit, so nothing can
    /// later appear before a change read here: the cursor may pass it.
    /// </remarks>
    public async Task<IReadOnlyList<DispatchedChange>> ReadForDispatchAsync(DispatchCursor after, int partition, int partitions, int limit)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {Columns} FROM graph_changes
            WHERE service_id = $1 AND (tx, position) > ($2::text::xid8, $3)
              AND tx < pg_snapshot_xmin(pg_current_snapshot())
              AND user_id % $4 = $5
            ORDER BY tx, position
            LIMIT $6
            """,
            connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { TypedValue = cluster.Value.ServiceId },
                new NpgsqlParameter<string> { TypedValue = after.Transaction.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new NpgsqlParameter<long> { TypedValue = after.Position },
                new NpgsqlParameter<long> { TypedValue = partitions },
                new NpgsqlParameter<long> { TypedValue = partition },
                new NpgsqlParameter<int> { TypedValue = limit },
            },
        };
        var changes = new List<DispatchedChange>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            changes.Add(Read(reader));
        }

        return changes;
    }

    public async Task<DispatchCursor> DispatchCursorAtAsync(long position)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT min(tx)::text FROM graph_changes WHERE service_id = $1 AND position >= $2", connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { TypedValue = cluster.Value.ServiceId },
                new NpgsqlParameter<long> { TypedValue = position },
            },
        };
        // Just before the oldest transaction holding a change at or after the position: a replay
        // sends everything from there, some changes before the position included, none missed.
        return await command.ExecuteScalarAsync() is string tx
            ? new DispatchCursor(ulong.Parse(tx, System.Globalization.CultureInfo.InvariantCulture) - 1, long.MaxValue)
            : await EndAsync(connection);
    }

    public async Task<DispatchCursor> DispatchEndAsync()
    {
        await using var connection = await OpenAsync();
        return await EndAsync(connection);
    }

    public Task MaintainAsync() =>
        ChangeLogRetention.MaintainAsync(database.Value.SharedConnectionString, time.GetUtcNow(), options.Value.Retention, options.Value.DaysAhead);

    private static async Task<DispatchCursor> EndAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())::text", connection);
        var xmin = ulong.Parse((string)(await command.ExecuteScalarAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        return new DispatchCursor(xmin - 1, long.MaxValue);
    }

    private static DispatchedChange Read(NpgsqlDataReader reader)
    {
        var change = new GraphChange(
            reader.GetInt64(1), reader.GetInt64(2), (GraphChangeKind)reader.GetInt16(3), (ConnectionStatus)reader.GetInt16(4), reader.GetInt64(5))
        {
            Position = reader.GetInt64(0),
        };
        var transaction = ulong.Parse(reader.GetString(7), System.Globalization.CultureInfo.InvariantCulture);
        return new DispatchedChange(
            new DispatchCursor(transaction, change.Position),
            new LoggedChange(change, new DateTimeOffset(reader.GetDateTime(6), TimeSpan.Zero)));
    }

    private Task<NpgsqlConnection> OpenAsync() => database.Value.OpenSharedAsync();
}
