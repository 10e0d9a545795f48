using System.Globalization;
using Npgsql;

namespace UserGraph.Silo;

/// <summary>
/// Keeps the change log's daily partitions: creates today's and the next days' ahead of need,
/// and drops whole days older than the retention, recording the highest position dropped as the
/// horizon below which a cursor may have missed changes. Expiry never deletes row by row.
/// </summary>
/// <remarks>
/// Every silo runs this on start and the cluster's maintenance reminder runs it every hour; an
/// advisory lock makes concurrent runs take turns, and every step is idempotent.
/// </remarks>
public static class ChangeLogRetention
{
    private const string PartitionPrefix = "graph_changes_p";
    private const long MaintenanceLockKey = 0x4368_616E_6765_4C67; // "ChangeLg"

    /// <summary>The partitions to have on <paramref name="today"/>: today and <paramref name="daysAhead"/> more.</summary>
    public static IEnumerable<DateOnly> DaysToCreate(DateOnly today, int daysAhead) =>
        Enumerable.Range(0, Math.Max(0, daysAhead) + 1).Select(today.AddDays);

    /// <summary>
    /// Whether a day's partition is past the retention at <paramref name="now"/>: every change in
    /// it (stored before the day's end) is older than the retention.
    /// </summary>
    public static bool IsExpired(DateOnly day, DateTimeOffset now, TimeSpan retention) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) <= now - retention;

    public static string PartitionName(DateOnly day) => PartitionPrefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static DateOnly? DayOf(string partitionName) =>
        partitionName.StartsWith(PartitionPrefix, StringComparison.Ordinal)
        && DateOnly.TryParseExact(partitionName[PartitionPrefix.Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    /// <returns>The days dropped.</returns>
    public static async Task<IReadOnlyList<DateOnly>> MaintainAsync(
        string connectionString, DateTimeOffset now, TimeSpan retention, int daysAhead, CancellationToken cancellationToken = default)
    {
        if (retention < TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(retention), retention, "The change log keeps at least one day.");
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MaintenanceLockKey})", cancellationToken);

        foreach (var day in DaysToCreate(DateOnly.FromDateTime(now.UtcDateTime), daysAhead))
        {
            await ExecuteAsync(
                connection,
                transaction,
                $"CREATE TABLE IF NOT EXISTS {PartitionName(day)} PARTITION OF graph_changes FOR VALUES FROM ('{Bound(day)}') TO ('{Bound(day.AddDays(1))}')",
                cancellationToken);
        }

        var expired = new List<DateOnly>();
        await using (var partitions = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'graph_changes'::regclass",
            connection,
            transaction))
        await using (var reader = await partitions.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (DayOf(reader.GetString(0)) is { } day && IsExpired(day, now, retention))
                {
                    expired.Add(day);
                }
            }
        }

        foreach (var day in expired.Order())
        {
            var name = PartitionName(day);
            await ExecuteAsync(
                connection,
                transaction,
                $"UPDATE graph_changes_horizon SET expired_through = GREATEST(expired_through, (SELECT COALESCE(max(position), 0) FROM {name}))",
                cancellationToken);
            await ExecuteAsync(connection, transaction, $"DROP TABLE {name}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return expired;
    }

    private static string Bound(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00+00";

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
