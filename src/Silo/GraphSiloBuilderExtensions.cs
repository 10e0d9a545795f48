using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using UserGraph.Grains;

namespace UserGraph.Silo;

/// <summary>
/// The silo configuration shared by the service and the test clusters. Settings are read from
/// the silo's configuration when options are resolved, not when this code runs, so hosts that
/// add configuration late (test factories) are honoured.
/// </summary>
public static class GraphSiloBuilderExtensions
{
    /// <summary>
    /// The graph's persistence: schema applied on start, then ADO.NET grain storage on PostgreSQL
    /// through Npgsql, with the state written by the Orleans binary serializer (compact, version
    /// tolerant through [Id] members) instead of the provider's default JSON with type names.
    /// </summary>
    public static ISiloBuilder AddGraphPersistence(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<GraphDatabaseOptions>()
            .Configure<IConfiguration>((database, configuration) =>
                database.ConnectionString = configuration.GetConnectionString(GraphDatabaseOptions.ConnectionStringName) ?? "")
            .Validate(
                database => !string.IsNullOrWhiteSpace(database.ConnectionString),
                "ConnectionStrings:Postgres is not set (environment: ConnectionStrings__Postgres).")
            .ValidateOnStart();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PostgresSchemaInstaller>();

        silo.AddAdoNetGrainStorage(GraphStorage.ProviderName, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<Serializer, IOptions<GraphDatabaseOptions>>((storage, serializer, database) =>
            {
                storage.Invariant = "Npgsql";
                storage.ConnectionString = database.Value.ConnectionString;
                storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        return silo;
    }

    /// <summary>
    /// Development clustering on localhost with the ports and ids of the <c>Orleans</c> section.
    /// </summary>
    public static ISiloBuilder UseGraphLocalhostClustering(this ISiloBuilder silo)
    {
        silo.UseLocalhostClustering();
        silo.Services.AddOptions<ClusterSettings>().BindConfiguration(ClusterSettings.SectionName);
        silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<ClusterSettings>>((endpoints, settings) =>
        {
            endpoints.SiloPort = settings.Value.SiloPort;
            endpoints.GatewayPort = settings.Value.GatewayPort;
        });
        silo.Services.AddOptions<DevelopmentClusterMembershipOptions>().Configure<IOptions<ClusterSettings>>(
            (membership, settings) => membership.PrimarySiloEndpoint = new IPEndPoint(IPAddress.Loopback, settings.Value.SiloPort));
        silo.Services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterSettings>>((cluster, settings) =>
        {
            cluster.ClusterId = settings.Value.ClusterId;
            cluster.ServiceId = settings.Value.ServiceId;
        });
        return silo;
    }
}
