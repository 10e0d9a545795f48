using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using UserGraph.Grains;

namespace UserGraph.Silo;

/// <summary>
/// Reads every stored user graph of this service, snapshots and journals, and returns those that
/// follow, hide or block the user, or decide a connection with it. A journal entry that mentions the
/// user at all makes its owner a candidate: the repair asks each candidate for the truth, so a
/// candidate too many costs one call, one too few would leave an edge unrepaired. A full scan,
/// streamed row by row: for repairs and erasure, not for serving requests.
/// </summary>
internal sealed class PostgresEdgeOwnerFinder(
    IOptions<GraphDatabaseOptions> database,
    IOptions<ClusterOptions> cluster,
    Serializer serializer) : IEdgeOwnerFinder
{
    public async Task<long[]> FindOwnersOfEdgesTowardAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.Value.SharedConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT grain_id_n1, payload FROM grain_state
            WHERE service_id = @service AND grain_type = @type AND grain_id_n0 = 0 AND payload IS NOT NULL
            """,
            connection);
        command.Parameters.AddWithValue("service", cluster.Value.ServiceId);
        command.Parameters.AddWithValue("type", GraphStorage.UserGraphStateName);

        var owners = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = serializer.Deserialize<UserGraphSnapshot>((byte[])reader.GetValue(1))
                ?? throw new InvalidDataException($"Stored graph of user {reader.GetInt64(0)} is empty.");
            var ownerId = reader.GetInt64(0);
            if (Array.BinarySearch(state.Followings, userId) >= 0
                || Array.BinarySearch(state.Hidden, userId) >= 0
                || (state.Blocking is { } blocking && Array.BinarySearch(blocking, userId) >= 0)
                || (FactOwnership.OwnsConnection(ownerId, userId) && state.Connections?.ContainsKey(userId) == true))
            {
                owners.Add(ownerId);
            }
        }

        await reader.DisposeAsync();
        await using var journal = new NpgsqlCommand(
            "SELECT user_id, entry FROM graph_journal WHERE service_id = @service",
            connection);
        journal.Parameters.AddWithValue("service", cluster.Value.ServiceId);
        await using var entries = await journal.ExecuteReaderAsync(cancellationToken);
        while (await entries.ReadAsync(cancellationToken))
        {
            var entry = serializer.Deserialize<GraphJournalEntry>((byte[])entries.GetValue(1));
            if (entry?.Peers.Any(facts => facts.PeerId == userId) == true)
            {
                owners.Add(entries.GetInt64(0));
            }
        }

        return [.. owners.Distinct()];
    }
}
