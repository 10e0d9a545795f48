using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Silo;

/// <summary><see cref="IWebhookStore"/> on the tables of Schema/007-webhooks.sql, in the shared pool.</summary>
internal sealed class PostgresWebhookStore(IOptions<GraphDatabaseOptions> database, IOptions<ClusterOptions> cluster) : IWebhookStore
{
    public async Task<long> CreateAsync(WebhookEndpointSpec spec, int partitions, DispatchCursor start)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            WITH endpoint AS (
                INSERT INTO webhook_endpoints (service_id, url, secret, events, partitions)
                VALUES ($1, $2, $3, $4, $5)
                RETURNING id
            ), places AS (
                INSERT INTO webhook_partitions (endpoint_id, partition, tx, position)
                SELECT endpoint.id, p, $6::text::xid8, $7 FROM endpoint, generate_series(0, $5 - 1) AS p
            )
            SELECT id FROM endpoint
            """,
            connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { TypedValue = cluster.Value.ServiceId },
                new NpgsqlParameter<string> { TypedValue = spec.Url },
                new NpgsqlParameter<string> { TypedValue = spec.Secret },
                new NpgsqlParameter<string[]> { TypedValue = spec.Events },
                new NpgsqlParameter<int> { TypedValue = partitions },
                new NpgsqlParameter<string> { TypedValue = Text(start.Transaction) },
                new NpgsqlParameter<long> { TypedValue = start.Position },
            },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<WebhookEndpointInfo[]> ListAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT e.id, e.url, e.events, e.paused, e.created,
                   (SELECT count(*) FROM webhook_dead_letters d WHERE d.endpoint_id = e.id)::int
            FROM webhook_endpoints e WHERE e.service_id = $1 ORDER BY e.id
            """,
            connection)
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = cluster.Value.ServiceId } },
        };
        var endpoints = new List<WebhookEndpointInfo>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            endpoints.Add(new WebhookEndpointInfo(
                reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetBoolean(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero), reader.GetInt32(5)));
        }

        return [.. endpoints];
    }

    public async Task<WebhookEndpoint?> GetAsync(long endpointId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT url, secret, events, paused, partitions FROM webhook_endpoints WHERE service_id = $1 AND id = $2", connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { TypedValue = cluster.Value.ServiceId },
                new NpgsqlParameter<long> { TypedValue = endpointId },
            },
        };
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new WebhookEndpoint(endpointId, reader.GetString(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetBoolean(3), reader.GetInt32(4))
            : null;
    }

    public Task<bool> DeleteAsync(long endpointId) =>
        ChangesRowAsync("DELETE FROM webhook_endpoints WHERE service_id = $1 AND id = $2", endpointId);

    public Task<bool> SetPausedAsync(long endpointId, bool paused) =>
        ChangesRowAsync("UPDATE webhook_endpoints SET paused = $3 WHERE service_id = $1 AND id = $2", endpointId, new NpgsqlParameter<bool> { TypedValue = paused });

    public async Task<WebhookPartitionState> GetPartitionAsync(long endpointId, int partition)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT tx::text, position, failing_since FROM webhook_partitions WHERE endpoint_id = $1 AND partition = $2", connection)
        {
            Parameters =
            {
                new NpgsqlParameter<long> { TypedValue = endpointId },
                new NpgsqlParameter<int> { TypedValue = partition },
            },
        };
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException($"Webhook endpoint {endpointId} has no partition {partition}.");
        }

        return new WebhookPartitionState(
            new DispatchCursor(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt64(1)),
            reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero));
    }

    public async Task SavePartitionAsync(long endpointId, int partition, WebhookPartitionState state)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE webhook_partitions SET tx = $3::text::xid8, position = $4, failing_since = $5 WHERE endpoint_id = $1 AND partition = $2", connection)
        {
            Parameters =
            {
                new NpgsqlParameter<long> { TypedValue = endpointId },
                new NpgsqlParameter<int> { TypedValue = partition },
                new NpgsqlParameter<string> { TypedValue = Text(state.Cursor.Transaction) },
                new NpgsqlParameter<long> { TypedValue = state.Cursor.Position },
                new NpgsqlParameter { Value = state.FailingSince is { } since ? since.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz },
            },
        };
        await command.ExecuteNonQueryAsync();
    }

    public async Task AddDeadLettersAsync(long endpointId, IReadOnlyList<WebhookMessage> messages, string lastError)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO webhook_dead_letters (endpoint_id, message_id, event_type, user_id, position, payload, last_error)
            SELECT $1, m.id, m.type, m.user_id, m.position, m.payload, $7
            FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[]) AS m (id, type, user_id, position, payload)
            """,
            connection)
        {
            Parameters =
            {
                new NpgsqlParameter<long> { TypedValue = endpointId },
                new NpgsqlParameter<string[]> { TypedValue = [.. messages.Select(m => m.Id)] },
                new NpgsqlParameter<string[]> { TypedValue = [.. messages.Select(m => m.EventType)] },
                new NpgsqlParameter<long[]> { TypedValue = [.. messages.Select(m => m.UserId)] },
                new NpgsqlParameter<long[]> { TypedValue = [.. messages.Select(m => m.Position)] },
                new NpgsqlParameter<string[]> { TypedValue = [.. messages.Select(m => m.Payload)] },
                new NpgsqlParameter<string> { TypedValue = lastError.Length > 500 ? lastError[..500] : lastError },
            },
        };
        await command.ExecuteNonQueryAsync();
    }

    public async Task<WebhookDeadLetter[]> GetDeadLettersAsync(long endpointId, int limit)
    {
        var letters = new List<WebhookDeadLetter>();
        await foreach (var row in DeadLettersAsync(endpointId, limit))
        {
            letters.Add(new WebhookDeadLetter(row.Id, row.Message.Id, row.Message.EventType, row.Message.UserId, row.Message.Position, row.FailedOn, row.LastError));
        }

        return [.. letters];
    }

    public async Task<IReadOnlyList<(long Id, WebhookMessage Message)>> GetDeadLetterMessagesAsync(long endpointId, int limit)
    {
        var letters = new List<(long, WebhookMessage)>();
        await foreach (var row in DeadLettersAsync(endpointId, limit))
        {
            letters.Add((row.Id, row.Message));
        }

        return letters;
    }

    public async Task RemoveDeadLetterAsync(long deadLetterId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("DELETE FROM webhook_dead_letters WHERE id = $1", connection)
        {
            Parameters = { new NpgsqlParameter<long> { TypedValue = deadLetterId } },
        };
        await command.ExecuteNonQueryAsync();
    }

    private async IAsyncEnumerable<(long Id, WebhookMessage Message, DateTimeOffset FailedOn, string LastError)> DeadLettersAsync(long endpointId, int limit)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT d.id, d.message_id, d.event_type, d.user_id, d.position, d.payload, d.failed_on, d.last_error
            FROM webhook_dead_letters d JOIN webhook_endpoints e ON e.id = d.endpoint_id
            WHERE e.service_id = $1 AND d.endpoint_id = $2
            ORDER BY d.position
            LIMIT $3
            """,
            connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { TypedValue = cluster.Value.ServiceId },
                new NpgsqlParameter<long> { TypedValue = endpointId },
                new NpgsqlParameter<int> { TypedValue = limit },
            },
        };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return (
                reader.GetInt64(0),
                new WebhookMessage(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetString(5)),
                new DateTimeOffset(reader.GetDateTime(6), TimeSpan.Zero),
                reader.GetString(7));
        }
    }

    private async Task<bool> ChangesRowAsync(string sql, long endpointId, params NpgsqlParameter[] more)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = cluster.Value.ServiceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = endpointId });
        command.Parameters.AddRange(more);
        return await command.ExecuteNonQueryAsync() > 0;
    }

    private static string Text(ulong transaction) => transaction.ToString(CultureInfo.InvariantCulture);

    private Task<NpgsqlConnection> OpenAsync() => database.Value.OpenSharedAsync();
}
