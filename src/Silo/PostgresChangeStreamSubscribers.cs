using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using UserGraph.Grains;

namespace UserGraph.Silo;

/// <summary><see cref="IChangeStreamSubscribers"/> on the table of Schema/009-change-subscribers.sql, in the shared pool.</summary>
internal sealed class PostgresChangeStreamSubscribers(IOptions<GraphDatabaseOptions> database, IOptions<ClusterOptions> cluster) : IChangeStreamSubscribers
{
    public async Task<bool> HasSubscribersAsync(long userId) =>
        await ExecuteAsync("SELECT EXISTS (SELECT 1 FROM graph_change_subscribers WHERE service_id = $1 AND user_id = $2)", userId) is true;

    public Task AddAsync(long userId) =>
        ExecuteAsync("INSERT INTO graph_change_subscribers (service_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", userId);

    public async Task<bool> RemoveAsync(long userId) =>
        await ExecuteAsync("DELETE FROM graph_change_subscribers WHERE service_id = $1 AND user_id = $2 RETURNING true", userId) is true;

    private async Task<object?> ExecuteAsync(string sql, long userId)
    {
        await using var connection = await database.Value.OpenSharedAsync();
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { TypedValue = cluster.Value.ServiceId },
                new NpgsqlParameter<long> { TypedValue = userId },
            },
        };
        return await command.ExecuteScalarAsync();
    }
}
