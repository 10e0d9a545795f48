using System.Threading.Channels;
using Npgsql;
using UserGraph.Grains.Interfaces;
using UserGraph.Silo;

namespace UserGraph.Tools;

/// <summary>
/// Imports a file through the running cluster, beside live traffic: rows are applied in file
/// order, a window of them at a time with many calls in flight, and the window's last line is
/// checkpointed (<see cref="LiveImportCheckpoint"/>), so a killed run resumes after it. Slower
/// than offline, but every write is the service's own: mirrored, journaled, reported as a change.
/// </summary>
/// <remarks>
/// Rows of one window may apply in any order. Rows only add, and a block wins whichever comes
/// first (it severs a follow made before it, and refuses one made after), so the end state is the
/// file's. The <c>created</c> column is not kept: the service stamps its own time.
/// </remarks>
public sealed class LiveImporter(string inputPath, EdgeFileFormat format, string rejectPath, IGrainFactory grains, CommunityMode mode, ProgressDisplay progress)
{
    private const int WindowRows = 2000;
    private const int CallsInFlight = 64;

    public async Task<LiveImportReport> RunAsync(CancellationToken cancellationToken)
    {
        var checkpoint = new LiveImportCheckpoint(inputPath);
        var after = checkpoint.Load();
        var writer = new LiveEdgeWriter(grains);
        using var rejects = new RejectFile(rejectPath);
        var rows = Channel.CreateBounded<(long Line, EdgeRow Row)>(WindowRows * 2);
        var rejected = Channel.CreateUnbounded<RejectedRow>();
        var reader = Task.Run(() =>
        {
            try
            {
                using var input = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                EdgeFileLoader.Load(
                    input,
                    format,
                    (line, row) =>
                    {
                        if (EdgeKindNames.RefusedIn(mode, line, row) is { } refused)
                        {
                            return refused;
                        }

                        if (line > after)
                        {
                            rows.Writer.WriteAsync((line, row), cancellationToken).AsTask().GetAwaiter().GetResult();
                        }

                        return null;
                    },
                    r => rejected.Writer.TryWrite(r));
                rows.Writer.Complete();
            }
            catch (Exception e)
            {
                rows.Writer.Complete(e);
            }
        }, cancellationToken);

        progress.Start("applying", null, "rows");
        long applied = 0, total = 0;
        var window = new List<(long Line, EdgeRow Row)>(WindowRows);
        async Task ApplyWindowAsync()
        {
            var refused = new RejectedRow?[window.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, window.Count),
                new ParallelOptions { MaxDegreeOfParallelism = CallsInFlight, CancellationToken = cancellationToken },
                async (i, _) =>
                {
                    if (await writer.ApplyAsync(window[i].Row) is { } reason)
                    {
                        refused[i] = new RejectedRow(window[i].Line, reason, CsvEdgeRows.Format(window[i].Row));
                    }
                });
            while (rejected.Reader.TryRead(out var bad))
            {
                rejects.Add(bad);
            }

            foreach (var row in refused)
            {
                if (row is { } r)
                {
                    rejects.Add(r);
                }
            }

            applied += window.Count - refused.Count(r => r is not null);
            total += window.Count;
            checkpoint.Save(window[^1].Line);
            progress.Report(total);
            window.Clear();
        }

        await foreach (var item in rows.Reader.ReadAllAsync(cancellationToken))
        {
            window.Add(item);
            if (window.Count == WindowRows)
            {
                await ApplyWindowAsync();
            }
        }

        if (window.Count > 0)
        {
            await ApplyWindowAsync();
        }

        await reader;
        while (rejected.Reader.TryRead(out var bad))
        {
            rejects.Add(bad);
        }

        progress.Finish(total);
        checkpoint.Delete();
        return new LiveImportReport(total, applied, rejects.Count, Resumed: after > 0);
    }

    /// <summary>The community's mode as the running service recorded it.</summary>
    public static async Task<CommunityMode> StoredModeAsync(string connectionString, string serviceId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await CommunityModeGuard.ReadAsync(connection, serviceId)
            ?? throw new ImportRefusedException($"No service '{serviceId}' has run on this database: start the silos first, or import offline.");
    }
}
