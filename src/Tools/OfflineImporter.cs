using System.Threading.Channels;
using Npgsql;
using UserGraph.Silo;

namespace UserGraph.Tools;

/// <summary>
/// Imports a file straight into storage while no silo runs: reads and checks every row, builds
/// both views of every edge (<see cref="ImportGraph"/>), adds them to what storage holds
/// (<see cref="ImportMerge"/>), and writes users in ascending id, a batch per transaction that
/// also records how far it got (Schema/008-imports.sql).
/// </summary>
/// <remarks>
/// Imported edges are not change events: no webhook or change stream reports them, as the
/// service did not make them. The import's own record of a finished file makes a second run of
/// the same file a no-op; a different file with some of the same rows adds only what is new.
/// </remarks>
public sealed class OfflineImporter(OfflineImportSettings settings, GraphSnapshotTable table, ProgressDisplay progress, TextWriter log)
{
    public async Task<ImportReport> RunAsync(CancellationToken cancellationToken = default)
    {
        await PostgresSchema.ApplyAsync(settings.ConnectionString, cancellationToken);
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await OfflineGuard.LockAsync(connection);
        await OfflineGuard.EnsureNoActiveSilosAsync(connection);
        var mode = await OfflineGuard.EnsureModeAsync(connection, settings.ServiceId, settings.Mode);

        // The file is read whole before anything is written: a finished file is then known by its
        // content, and an unfinished one resumes after the last batch that committed.
        using var rejects = new RejectFile(settings.RejectPath);
        var (graph, fingerprint) = Read(mode, rejects);
        foreach (var rejected in graph.Complete())
        {
            rejects.Add(rejected);
        }

        var (doneThrough, finished) = await StartAsync(connection, fingerprint);
        if (finished)
        {
            log.WriteLine($"{settings.InputPath} was imported to the end before (fingerprint {fingerprint}); nothing to do.");
            return new ImportReport(graph.RowCount, rejects.Count, 0, Resumed: false, AlreadyImported: true);
        }

        if (doneThrough > 0)
        {
            log.WriteLine($"Resuming the import of {settings.InputPath}: users up to {doneThrough} are written.");
        }

        var usersWritten = await WriteAsync(connection, graph, fingerprint, doneThrough, cancellationToken);
        await using (var done = new NpgsqlCommand(
                         "UPDATE graph_imports SET finished = now() WHERE service_id = @service AND source_hash = @hash",
                         connection))
        {
            done.Parameters.AddWithValue("service", settings.ServiceId);
            done.Parameters.AddWithValue("hash", fingerprint);
            await done.ExecuteNonQueryAsync(cancellationToken);
        }

        if (rejects.Count > 0)
        {
            log.WriteLine($"{rejects.Count:N0} rows rejected: see {rejects.Path}");
        }

        return new ImportReport(graph.RowCount, rejects.Count, usersWritten, doneThrough > 0, AlreadyImported: false);
    }

    private (ImportGraph Graph, string Fingerprint) Read(Grains.Interfaces.CommunityMode mode, RejectFile rejects)
    {
        var graph = new ImportGraph(mode, DateTime.UtcNow);
        // A follow row takes 20 bytes or more ("follow,123456,654321"): sized for that, the list is
        // not copied as it grows.
        graph.ExpectFollows((int)Math.Min(new FileInfo(settings.InputPath).Length / 20, Array.MaxLength / 2));
        using var input = new FileStream(settings.InputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        progress.Start("reading", null, "rows");
        long rows = 0;
        var fingerprint = EdgeFileLoader.Load(input, settings.Format, graph.Add, rejects.Add, read => progress.Report(rows = read));
        progress.Finish(rows);
        return (graph, fingerprint);
    }

    private async Task<long> WriteAsync(NpgsqlConnection connection, ImportGraph graph, string fingerprint, long doneThrough, CancellationToken cancellationToken)
    {
        // Batches are built and serialized on another core while the previous one is written.
        var batches = Channel.CreateBounded<PreparedBatch>(2);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var users in graph.Users(doneThrough).Chunk(settings.BatchUsers))
                {
                    var payloads = Array.ConvertAll(users, user => table.Serialize(user.ToSnapshot()));
                    await batches.Writer.WriteAsync(new PreparedBatch(users, payloads), cancellationToken);
                }

                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        }, cancellationToken);

        progress.Start("writing", null, "users");
        long written = 0, seen = 0;
        await foreach (var (batch, newPayloads) in batches.Reader.ReadAllAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var stored = new Dictionary<long, StoredGraph>();
            await foreach (var graphOfUser in table.ReadAsync(connection, batch[0].UserId, batch[^1].UserId))
            {
                stored[graphOfUser.UserId] = graphOfUser;
            }

            var inserts = new List<(long, byte[])>(batch.Length);
            long replaced = 0;
            for (var i = 0; i < batch.Length; i++)
            {
                var user = batch[i];
                if (!stored.TryGetValue(user.UserId, out var current))
                {
                    inserts.Add((user.UserId, newPayloads[i]));
                }
                else if (ImportMerge.Into(current.Current, user) is { } merged)
                {
                    await table.ReplaceAsync(connection, user.UserId, current.RowVersion, table.Serialize(merged));
                    replaced++;
                }
            }

            if (inserts.Count > 0)
            {
                table.Insert(connection, inserts);
            }

            await using (var record = new NpgsqlCommand(
                             "UPDATE graph_imports SET done_through = $3, users_written = users_written + $4 WHERE service_id = $1 AND source_hash = $2",
                             connection))
            {
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = settings.ServiceId });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fingerprint });
                record.Parameters.Add(new NpgsqlParameter<long> { TypedValue = batch[^1].UserId });
                record.Parameters.Add(new NpgsqlParameter<long> { TypedValue = inserts.Count + replaced });
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            written += inserts.Count + replaced;
            seen += batch.Length;
            progress.Report(seen);
        }

        await producer;
        progress.Finish(seen);
        return written;
    }

    private sealed record PreparedBatch(ImportedUser[] Users, byte[][] NewUserPayloads);

    private async Task<(long DoneThrough, bool Finished)> StartAsync(NpgsqlConnection connection, string fingerprint)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO graph_imports (service_id, source_hash, source_name) VALUES (@service, @hash, @name) ON CONFLICT DO NOTHING;
            SELECT done_through, finished IS NOT NULL FROM graph_imports WHERE service_id = @service AND source_hash = @hash;
            """,
            connection);
        command.Parameters.AddWithValue("service", settings.ServiceId);
        command.Parameters.AddWithValue("hash", fingerprint);
        command.Parameters.AddWithValue("name", Path.GetFileName(settings.InputPath));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetBoolean(1));
    }
}
