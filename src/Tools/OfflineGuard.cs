using Npgsql;
using UserGraph.Grains.Interfaces;
using UserGraph.Silo;

namespace UserGraph.Tools;

/// <summary>
/// What must hold before an offline import writes storage directly: no silo serving the data (its
/// grains would keep serving, and later overwrite, what they loaded before), no other import, and
/// a community mode the rows agree with.
/// </summary>
public static class OfflineGuard
{
    // Any constant no other user of the database takes as an advisory lock.
    private const long ImportLockKey = 0x5573_6572_496d_706f; // "UserImpo"

    /// <summary>
    /// A silo that said it was alive within this long is taken as running; an older Active row is a
    /// silo that died without leaving the table (kill -9), which the cluster itself declares dead.
    /// </summary>
    public static readonly TimeSpan AliveWithin = TimeSpan.FromMinutes(2);

    /// <summary>Holds the import lock for the connection's session, or refuses.</summary>
    /// <exception cref="ImportRefusedException"></exception>
    public static async Task LockAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ImportLockKey });
        if (await command.ExecuteScalarAsync() is not true)
        {
            throw new ImportRefusedException("Another import is running against this database.");
        }
    }

    /// <exception cref="ImportRefusedException">A silo is active in the membership table.</exception>
    public static async Task EnsureNoActiveSilosAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT deployment_id, silo_name, address, port, i_am_alive FROM membership
            WHERE status = 3 AND i_am_alive > now() - $1
            ORDER BY deployment_id, address, port
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = AliveWithin });
        var active = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                active.Add($"{reader.GetString(1)} at {reader.GetString(2)}:{reader.GetInt32(3)} (cluster {reader.GetString(0)}, alive {reader.GetDateTime(4):u})");
            }
        }

        if (active.Count > 0)
        {
            throw new ImportRefusedException(
                $"Silos are active on this database, so an offline import would write under them: {string.Join("; ", active)}. " +
                "Stop every silo first, or import with --live through the running cluster.");
        }
    }

    /// <summary>The community's mode: storage's, or <paramref name="requested"/> (default follow) recorded as storage's.</summary>
    /// <exception cref="ImportRefusedException">Storage holds the other mode.</exception>
    public static async Task<CommunityMode> EnsureModeAsync(NpgsqlConnection connection, string serviceId, CommunityMode? requested)
    {
        var mode = await CommunityModeGuard.RecordAsync(connection, serviceId, requested ?? CommunityMode.Follow);
        if (requested is { } wanted && wanted != mode)
        {
            throw new ImportRefusedException($"The stored graph is in {mode} mode; it cannot take a {wanted}-mode import.");
        }

        return mode;
    }
}
