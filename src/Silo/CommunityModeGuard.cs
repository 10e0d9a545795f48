using Npgsql;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Silo;

/// <summary>Records the community mode of a service's data and refuses to run it in the other mode.</summary>
public static class CommunityModeGuard
{
    /// <exception cref="InvalidOperationException">The stored data's mode is not <paramref name="configured"/>.</exception>
    public static async Task EnsureAsync(string connectionString, string serviceId, CommunityMode configured, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var stored = await RecordAsync(connection, serviceId, configured, cancellationToken);
        if (stored != configured)
        {
            var (was, want) = (Name(stored), Name(configured));
            throw new InvalidOperationException(
                $"The graph stored for service '{serviceId}' was written in {was} mode, but Community:Mode is {want}. " +
                "Switching a community's mode is not supported: set Community:Mode back to " +
                $"{was}, or use a new Orleans:ServiceId (or database) for the {want}-mode community.");
        }
    }

    /// <summary>Records <paramref name="proposed"/> as the service's mode unless one is recorded; returns the recorded one.</summary>
    public static async Task<CommunityMode> RecordAsync(
        NpgsqlConnection connection, string serviceId, CommunityMode proposed, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO community_settings (service_id, mode) VALUES (@service, @mode) ON CONFLICT (service_id) DO NOTHING;
            SELECT mode FROM community_settings WHERE service_id = @service;
            """,
            connection);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("mode", Name(proposed));
        var stored = (string?)await command.ExecuteScalarAsync(cancellationToken);
        return Enum.Parse<CommunityMode>(stored!, ignoreCase: true);
    }

    /// <summary>The service's recorded mode; <c>null</c> when no silo of it has run on this database.</summary>
    public static async Task<CommunityMode?> ReadAsync(NpgsqlConnection connection, string serviceId)
    {
        await using var command = new NpgsqlCommand("SELECT mode FROM community_settings WHERE service_id = @service", connection);
        command.Parameters.AddWithValue("service", serviceId);
        return await command.ExecuteScalarAsync() is string stored ? Enum.Parse<CommunityMode>(stored, ignoreCase: true) : null;
    }

    private static string Name(CommunityMode mode) => mode.ToString().ToLowerInvariant();
}
