using Microsoft.Extensions.Options;
using Orleans.Configuration;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Silo;

/// <summary>
/// Applies <see cref="PostgresSchema"/> and checks the community mode early in silo start, before
/// the storage provider loads its queries from the database, so a silo can start against an
/// empty database and never starts against data of the other mode.
/// </summary>
internal sealed class PostgresSchemaInstaller(
    IOptions<GraphDatabaseOptions> database,
    IOptions<ClusterOptions> cluster,
    IOptions<CommunityOptions> community) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresSchemaInstaller), ServiceLifecycleStage.RuntimeInitialize, InstallAsync);

    private async Task InstallAsync(CancellationToken cancellationToken)
    {
        await PostgresSchema.ApplyAsync(database.Value.SharedConnectionString, cancellationToken);
        await CommunityModeGuard.EnsureAsync(
            database.Value.SharedConnectionString, cluster.Value.ServiceId, community.Value.Mode, cancellationToken);
    }
}
