using Npgsql;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Silo;

/// <summary>Records the community mode of a service's data and refuses to run it in the other mode.</summary>
public static class CommunityModeGuard
{
    /// <exception cref="InvalidOperationException">The stored data's mode is not <paramref name="configured"/>.</exception>
    public static async Task EnsureAsync(string connectionString, string serviceId, CommunityMode configured, CancellationToken cancellationToken = default)
    {
        var mode = configured.ToString().ToLowerInvariant();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO community_settings (service_id, mode) VALUES (@service, @mode) ON CONFLICT (service_id) DO NOTHING;
            SELECT mode FROM community_settings WHERE service_id = @service;
            """,
            connection);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("mode", mode);
        var stored = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (stored != mode)
        {
            throw new InvalidOperationException(
                $"The graph stored for service '{serviceId}' was written in {stored} mode, but Community:Mode is {mode}. " +
                "Switching a community's mode is not supported: set Community:Mode back to " +
                $"{stored}, or use a new Orleans:ServiceId (or database) for the {mode}-mode community.");
        }
    }
}
