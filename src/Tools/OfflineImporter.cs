using System.Threading.Channels;
using Npgsql;
using UserGraph.Silo;

namespace UserGraph.Tools;

/// <summary>
/// Imports a file straight into storage while no silo runs: reads and checks every row, builds
/// both views of every edge (<see cref="ImportGraph"/>), adds them to what storage holds
/// (<see cref="ImportMerge"/>), and writes users in batches of consecutive ids, a batch per
/// transaction that also records it (Schema/008-imports.sql).
/// </summary>
/// <remarks>
/// Imported edges are not change events: no webhook or change stream reports them, as the
/// service did not make them. The import's own record of a finished file makes a second run of
/// the same file a no-op; a different file with some of the same rows adds only what is new.
/// </remarks>
/// <param name="tableReady">The table, perhaps still being made: its serializer takes a few hundred
/// milliseconds to build, which the file's reading hides.</param>
public sealed class OfflineImporter(OfflineImportSettings settings, Task<GraphSnapshotTable> tableReady, ProgressDisplay progress, TextWriter log)
{
    // The database and the writers' own work (serializing rows for COPY) both use CPU: two
    // writers keep two cores busy where one left the database waiting for rows.
    private const int Writers = 2;

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

        if (graph.FollowsAcrossBlocks.Count > 0)
        {
            RejectFollowsAcrossBlocks(graph.FollowsAcrossBlocks, rejects);
        }

        var table = await tableReady;
        var store = new ImportProgressStore(settings.ServiceId, fingerprint);
        var start = await store.StartAsync(
            connection, Path.GetFileName(settings.InputPath), settings.BatchUsers, async () => !await table.AnyAsync(connection));
        if (start.Finished)
        {
            log.WriteLine($"{settings.InputPath} was imported to the end before (fingerprint {fingerprint}); nothing to do.");
            return new ImportReport(graph.RowCount, rejects.Count, 0, Resumed: false, AlreadyImported: true);
        }

        var resumed = start.DoneBatches.Count > 0;
        if (resumed)
        {
            log.WriteLine($"Resuming the import of {settings.InputPath}: {start.DoneBatches.Count:N0} batches of {start.BatchUsers:N0} users are written.");
        }

        var usersWritten = start.UsersWritten + await WriteAsync(graph, table, store, start, cancellationToken);
        await store.FinishAsync(connection);
        if (rejects.Count > 0)
        {
            log.WriteLine($"{rejects.Count:N0} rows rejected: see {rejects.Path}");
        }

        return new ImportReport(graph.RowCount, rejects.Count, usersWritten, resumed, AlreadyImported: false);
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

    // Batches are built and serialized on the cores while earlier ones are written, by two writers
    // on two connections, each batch in its own transaction.
    private async Task<long> WriteAsync(
        ImportGraph graph, GraphSnapshotTable table, ImportProgressStore store, ImportStart start, CancellationToken cancellationToken)
    {
        var batches = Channel.CreateBounded<ImportBatch>(Writers);
        // A writer that fails (the database gone) stops the rest: the producer would otherwise wait
        // for room in the channel that no writer is left to make.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var users in graph.Users().Chunk(start.BatchUsers))
                {
                    if (start.DoneBatches.Contains(users[0].UserId))
                    {
                        continue;
                    }

                    var payloads = new byte[users.Length][];
                    Parallel.For(0, users.Length, i => payloads[i] = table.Serialize(users[i].ToSnapshot()));
                    await batches.Writer.WriteAsync(new ImportBatch(users, payloads), failed.Token);
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
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                await connection.OpenAsync(failed.Token);
                var writer = new ImportBatchWriter(connection, table, store, start.IntoEmpty);
                await foreach (var batch in batches.Reader.ReadAllAsync(failed.Token))
                {
                    var changed = await writer.WriteAsync(batch, failed.Token);
                    Interlocked.Add(ref written, changed);
                    progress.Report(Interlocked.Add(ref seen, batch.Users.Length));
                }
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }, cancellationToken)).ToList();

        await Task.WhenAll([producer, .. writers]);
        progress.Finish(seen);
        return written;
    }

    // Only a file that blocks some of its own follows is read this second time, for their lines.
    private void RejectFollowsAcrossBlocks(IReadOnlySet<(long From, long To)> follows, RejectFile rejects)
    {
        using var input = new FileStream(settings.InputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        EdgeFileLoader.Load(
            input,
            settings.Format,
            (line, row) =>
            {
                if (row.Kind == EdgeKind.Follow && follows.Contains((row.From, row.To)))
                {
                    rejects.Add(new RejectedRow(line, "a follow across a block", CsvEdgeRows.Format(row)));
                }

                return null;
            },
            _ => { });
    }
}
