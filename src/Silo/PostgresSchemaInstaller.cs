using Microsoft.Extensions.Options;
using Orleans.Configuration;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Silo;

/// <summary>
/// Applies <see cref="PostgresSchema"/>, keeps the change log's partitions, and checks the community mode early in silo start, before
/// the storage provider loads its queries from the database, so a silo can start against an
/// empty database and never starts against data of the other mode.
/// </summary>
internal sealed class PostgresSchemaInstaller(
    IOptions<GraphDatabaseOptions> database,
    IOptions<ClusterOptions> cluster,
    IOptions<CommunityOptions> community,
    IGraphChangeLog changeLog) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresSchemaInstaller), ServiceLifecycleStage.RuntimeInitialize, InstallAsync);

    private async Task InstallAsync(CancellationToken cancellationToken)
    {
        await PostgresSchema.ApplyAsync(database.Value.SharedConnectionString, cancellationToken);
        // The change log's partitions for today and the next days, before the first write needs them.
        await changeLog.MaintainAsync();
        await CommunityModeGuard.EnsureAsync(
            database.Value.SharedConnectionString, cluster.Value.ServiceId, community.Value.Mode, cancellationToken);
    }
}
