using Npgsql;

namespace UserGraph.Tools;

/// <summary>
/// The record of one file's offline import (Schema/008-imports.sql): started with its batch size,
/// each batch written, finished. What makes an import resumable and a repeated one a no-op.
/// </summary>
public sealed class ImportProgressStore(string serviceId, string fingerprint)
{
    /// <summary>Starts the record, or reads the one an earlier run left.</summary>
    /// <param name="batchUsers">This run's batch size; an earlier run's record keeps its own, so its batches line up.</param>
    /// <param name="intoEmpty">Whether the service has no stored graph now.</param>
    public async Task<ImportStart> StartAsync(NpgsqlConnection connection, string sourceName, int batchUsers, Func<Task<bool>> intoEmpty)
    {
        var empty = await intoEmpty();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO graph_imports (service_id, source_hash, source_name, batch_users, into_empty)
            VALUES (@service, @hash, @name, @batch, @empty) ON CONFLICT DO NOTHING;
            SELECT i.batch_users, i.into_empty, i.finished IS NOT NULL,
                   COALESCE(array_agg(b.first_user_id) FILTER (WHERE b.first_user_id IS NOT NULL), '{}'),
                   COALESCE(sum(b.users_written), 0)::bigint
            FROM graph_imports i
            LEFT JOIN graph_import_batches b ON b.service_id = i.service_id AND b.source_hash = i.source_hash
            WHERE i.service_id = @service AND i.source_hash = @hash
            GROUP BY i.batch_users, i.into_empty, i.finished;
            """,
            connection);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("hash", fingerprint);
        command.Parameters.AddWithValue("name", sourceName);
        command.Parameters.AddWithValue("batch", batchUsers);
        command.Parameters.AddWithValue("empty", empty);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new ImportStart(
            reader.GetInt32(0), reader.GetBoolean(1), reader.GetBoolean(2), [.. reader.GetFieldValue<long[]>(3)], reader.GetInt64(4));
    }

    /// <summary>Records a batch inside the transaction that writes it.</summary>
    public async Task RecordBatchAsync(NpgsqlConnection connection, long firstUserId, long lastUserId, int usersWritten)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO graph_import_batches (service_id, source_hash, first_user_id, last_user_id, users_written) VALUES ($1, $2, $3, $4, $5)",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fingerprint });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = firstUserId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lastUserId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = usersWritten });
        await command.ExecuteNonQueryAsync();
    }

    public async Task FinishAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE graph_imports SET finished = now() WHERE service_id = $1 AND source_hash = $2", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fingerprint });
        await command.ExecuteNonQueryAsync();
    }
}
