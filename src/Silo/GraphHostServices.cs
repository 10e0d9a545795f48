using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace UserGraph.Silo;

/// <summary>Options every process of the service needs, whether it runs a silo or only the gateway.</summary>
internal static class GraphHostServices
{
    /// <summary><c>ConnectionStrings:Postgres</c> and the connection budget as <see cref="GraphDatabaseOptions"/>, required at start.</summary>
    public static IServiceCollection AddGraphDatabaseOptions(this IServiceCollection services)
    {
        services.AddOptions<GraphDatabaseOptions>()
            .Configure<IConfiguration>((database, configuration) =>
            {
                database.ConnectionString = configuration.GetConnectionString(GraphDatabaseOptions.ConnectionStringName) ?? "";
                database.MaxConnections = configuration.GetValue(GraphDatabaseOptions.MaxConnectionsKey, GraphDatabaseOptions.DefaultMaxConnections);
            })
            .Validate(
                database => !string.IsNullOrWhiteSpace(database.ConnectionString),
                "ConnectionStrings:Postgres is not set (environment: ConnectionStrings__Postgres).")
            .Validate(
                database => database.MaxConnections >= 8,
                $"{GraphDatabaseOptions.MaxConnectionsKey} must be at least 8.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>The <c>Orleans</c> section as <see cref="ClusterSettings"/>, and Orleans' cluster and service ids from it.</summary>
    public static IServiceCollection AddClusterIdentity(this IServiceCollection services)
    {
        services.AddOptions<ClusterSettings>().BindConfiguration(ClusterSettings.SectionName);
        services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterSettings>>((cluster, settings) =>
        {
            cluster.ClusterId = settings.Value.ClusterId;
            cluster.ServiceId = settings.Value.ServiceId;
        });
        return services;
    }
}
