using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace UserGraph.Silo;

public static class GatewayClientExtensions
{
    /// <summary>
    /// Makes this host an Orleans client that finds the cluster's gateways in the PostgreSQL
    /// membership table (the silos must run with <c>Orleans:Membership=Postgres</c>).
    /// </summary>
    public static WebApplicationBuilder UseGraphClusterClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphDatabaseOptions>()
            .Configure<IConfiguration>((database, configuration) =>
                database.ConnectionString = configuration.GetConnectionString(GraphDatabaseOptions.ConnectionStringName) ?? "")
            .Validate(database => !string.IsNullOrWhiteSpace(database.ConnectionString), "ConnectionStrings:Postgres is not set.")
            .ValidateOnStart();
        builder.Services.AddOptions<ClusterSettings>().BindConfiguration(ClusterSettings.SectionName);
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> options) =>
                options.Configure<IOptions<GraphDatabaseOptions>>((clustering, database) =>
                {
                    clustering.Invariant = "Npgsql";
                    clustering.ConnectionString = database.Value.ConnectionString;
                }));
            client.Services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterSettings>>((cluster, settings) =>
            {
                cluster.ClusterId = settings.Value.ClusterId;
                cluster.ServiceId = settings.Value.ServiceId;
            });
        });
        return builder;
    }
}
