using Npgsql;
using UserGraph.Silo;

namespace UserGraph.Tools;

/// <summary>
/// Writes batches of imported users on one connection, each in one transaction with its progress
/// record: new users by COPY, users storage knows merged (<see cref="ImportMerge"/>) and replaced.
/// </summary>
public sealed class ImportBatchWriter(NpgsqlConnection connection, GraphSnapshotTable table, ImportProgressStore progress, bool intoEmpty)
{
    /// <returns>How many users the batch created or changed.</returns>
    public async Task<int> WriteAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        var users = batch.Users;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = new Dictionary<long, StoredGraph>();
        // Into an empty service every user is new, unless a recorded batch wrote it, and those are skipped.
        if (!intoEmpty)
        {
            await foreach (var graph in table.ReadAsync(connection, users[0].UserId, users[^1].UserId))
            {
                stored[graph.UserId] = graph;
            }
        }

        var inserts = new List<(long, byte[])>(users.Length);
        var replaced = 0;
        for (var i = 0; i < users.Length; i++)
        {
            if (!stored.TryGetValue(users[i].UserId, out var current))
            {
                inserts.Add((users[i].UserId, batch.NewUserPayloads[i]));
            }
            else if (ImportMerge.Into(current.Current, users[i]) is { } merged)
            {
                await table.ReplaceAsync(connection, users[i].UserId, current.RowVersion, table.Serialize(merged));
                replaced++;
            }
        }

        if (inserts.Count > 0)
        {
            table.Insert(connection, inserts);
        }

        await progress.RecordBatchAsync(connection, users[0].UserId, users[^1].UserId, inserts.Count + replaced);
        await transaction.CommitAsync(cancellationToken);
        return inserts.Count + replaced;
    }
}
