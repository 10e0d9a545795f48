using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace UserGraph.Silo;

/// <summary>
/// Applies <see cref="PostgresSchema"/> early in silo start, before the storage provider loads
/// its queries from the database, so a silo can start against an empty database.
/// </summary>
internal sealed class PostgresSchemaInstaller(IOptions<GraphDatabaseOptions> database)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(PostgresSchemaInstaller),
            ServiceLifecycleStage.RuntimeInitialize,
            cancellationToken => PostgresSchema.ApplyAsync(database.Value.ConnectionString, cancellationToken));
}
