using System.Data;
using Npgsql;
using UserGraph.Silo;

namespace UserGraph.Tools;

/// <summary>
/// Streams the stored graph (every edge once, or one user's data) in either file format, from one
/// read-only transaction snapshot: it can run beside live silos, and what it writes is the graph
/// as of one moment, every acknowledged write before it included (acknowledged writes are in the
/// journal it reads).
/// </summary>
public sealed class GraphExporter(string connectionString, GraphSnapshotTable table, ProgressDisplay progress)
{
    /// <returns>How many rows were written.</returns>
    public async Task<long> RunAsync(TextWriter output, EdgeFileFormat format, long? userId, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        if (format == EdgeFileFormat.Csv)
        {
            await output.WriteLineAsync(CsvEdgeRows.Header);
        }

        progress.Start("exporting", null, "users");
        long rows = 0, users = 0;
        await foreach (var stored in table.ReadAsync(connection, userId ?? 1, userId ?? long.MaxValue))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var edges = userId is null ? ExportRows.Owned(stored.UserId, stored.Current) : ExportRows.Touching(stored.UserId, stored.Current);
            foreach (var row in edges)
            {
                await output.WriteLineAsync(EdgeFileFormats.Format(format, row));
                rows++;
            }

            progress.Report(++users);
        }

        progress.Finish(users);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }
}
