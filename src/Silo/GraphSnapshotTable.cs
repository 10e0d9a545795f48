using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;
using UserGraph.Grains;

namespace UserGraph.Silo;

/// <summary>
/// User graphs in storage read and written in bulk, outside any grain, for the import and export
/// tool and the benchmark's seeding. Besides the Orleans provider's SQL (Schema/001-grain-storage.sql),
/// only this and the repair's owner scan (<see cref="PostgresEdgeOwnerFinder"/>) read the rows directly. A user's graph is its
/// snapshot row plus the journal entries after it (Schema/005-journal.sql); reads here recover
/// the current graph from both, as an activation would.
/// </summary>
public sealed class GraphSnapshotTable(Serializer serializer, string serviceId)
{
    private const string CopyColumns =
        "COPY grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version) FROM STDIN (FORMAT BINARY)";

    // Every user's graph, with its journal, for a range of ids (or all): both sides are read in one
    // statement so that one transaction snapshot covers them.
    private const string ReadSql =
        """
        WITH users AS (
            SELECT grain_id_n1 AS user_id FROM grain_state
            WHERE service_id = $1 AND grain_type = $2 AND grain_id_n0 = 0 AND grain_id_extension = ''
              AND grain_id_n1 BETWEEN $3 AND $4
            UNION
            SELECT DISTINCT user_id FROM graph_journal WHERE service_id = $1 AND user_id BETWEEN $3 AND $4
        )
        SELECT u.user_id, g.payload, g.version, j.seqs, j.pendings, j.entries
        FROM users u
        LEFT JOIN grain_state g
          ON g.service_id = $1 AND g.grain_type = $2 AND g.grain_id_n0 = 0 AND g.grain_id_extension = '' AND g.grain_id_n1 = u.user_id
        LEFT JOIN LATERAL (
            SELECT array_agg(seq ORDER BY seq) AS seqs, array_agg(pending ORDER BY seq) AS pendings, array_agg(entry ORDER BY seq) AS entries
            FROM graph_journal WHERE service_id = $1 AND user_id = u.user_id
        ) j ON true
        ORDER BY u.user_id
        """;

    public byte[] Serialize(UserGraphSnapshot snapshot) => serializer.SerializeToArray(snapshot);

    /// <summary>Whether storage holds any user graph of the service, snapshot or journal.</summary>
    public async Task<bool> AnyAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT EXISTS (SELECT 1 FROM grain_state WHERE service_id = $1 AND grain_type = $2)
                OR EXISTS (SELECT 1 FROM graph_journal WHERE service_id = $1)
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = GraphStorage.UserGraphStateName });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The current graph of every stored user with an id in the range, ascending: the snapshot with
    /// the journal replayed on top, as a snapshot again (<see cref="StoredGraph.Current"/>).
    /// </summary>
    public async IAsyncEnumerable<StoredGraph> ReadAsync(NpgsqlConnection connection, long fromUserId, long toUserId)
    {
        await using var command = new NpgsqlCommand(ReadSql, connection);
        command.CommandTimeout = 0;
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = GraphStorage.UserGraphStateName });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromUserId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toUserId });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var userId = reader.GetInt64(0);
            var snapshot = reader.IsDBNull(1)
                ? new UserGraphSnapshot()
                : serializer.Deserialize<UserGraphSnapshot>(reader.GetFieldValue<byte[]>(1)) ?? new UserGraphSnapshot();
            int? version = reader.IsDBNull(2) ? null : reader.GetInt32(2);
            var records = new List<JournalRecord>();
            if (!reader.IsDBNull(3))
            {
                var seqs = reader.GetFieldValue<long[]>(3);
                var pendings = reader.GetFieldValue<bool[]>(4);
                var entries = reader.GetFieldValue<byte[][]>(5);
                for (var i = 0; i < seqs.Length; i++)
                {
                    if (seqs[i] > snapshot.JournalSequence)
                    {
                        records.Add(new JournalRecord(
                            seqs[i],
                            pendings[i],
                            serializer.Deserialize<GraphJournalEntry>(entries[i])
                                ?? throw new InvalidDataException($"Journal entry {seqs[i]} of user {userId} is empty.")));
                    }
                }
            }

            var recovered = JournalReplay.Recover(userId, snapshot, records);
            yield return new StoredGraph(userId, UserGraphSnapshot.From(recovered.View, recovered.Outbox, recovered.Sequence), version);
        }
    }

    /// <summary>First snapshots of users storage has no row for, in one COPY.</summary>
    /// <remarks>
    /// Written with the importer's synchronous calls: a bulk load is the only work of its thread, and
    /// seven awaited calls a row cost more CPU than the database spends on the row.
    /// </remarks>
    public void Insert(NpgsqlConnection connection, IEnumerable<(long UserId, byte[] Payload)> rows)
    {
        using var copy = connection.BeginBinaryImport(CopyColumns);
        foreach (var (userId, payload) in rows)
        {
            copy.StartRow();
            copy.Write(serviceId, NpgsqlDbType.Varchar);
            copy.Write(GraphStorage.UserGraphStateName, NpgsqlDbType.Varchar);
            copy.Write(0L, NpgsqlDbType.Bigint);
            copy.Write(userId, NpgsqlDbType.Bigint);
            copy.Write("", NpgsqlDbType.Varchar);
            copy.Write(payload, NpgsqlDbType.Bytea);
            copy.Write(1, NpgsqlDbType.Integer);
        }

        copy.Complete();
    }

    /// <summary>
    /// Replaces the snapshot of a user storage knows (<see cref="StoredGraph.RowVersion"/> null:
    /// only a journal so far, so a new row), or throws when the row changed since it was read.
    /// </summary>
    public async Task ReplaceAsync(NpgsqlConnection connection, long userId, int? rowVersion, byte[] payload)
    {
        await using var command = new NpgsqlCommand(
            rowVersion is null
                ? """
                  INSERT INTO grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
                  VALUES ($1, $2, 0, $3, '', $4, 1) ON CONFLICT DO NOTHING
                  """
                : """
                  UPDATE grain_state SET payload = $4, version = version + 1, modified_on = now()
                  WHERE service_id = $1 AND grain_type = $2 AND grain_id_n0 = 0 AND grain_id_n1 = $3 AND grain_id_extension = '' AND version = $5
                  """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = GraphStorage.UserGraphStateName });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload });
        if (rowVersion is { } version)
        {
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        }

        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException($"The stored graph of user {userId} changed while it was being imported into.");
        }
    }
}
