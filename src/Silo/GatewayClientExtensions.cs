using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace UserGraph.Silo;

public static class GatewayClientExtensions
{
    /// <summary>
    /// Makes this host an Orleans client that finds the cluster's gateways in the PostgreSQL
    /// membership table (the silos must run with <c>Orleans:Membership=Postgres</c>).
    /// </summary>
    public static TBuilder UseGraphClusterClient<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddGraphDatabaseOptions();
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> options) =>
                options.Configure<IOptions<GraphDatabaseOptions>>((clustering, database) =>
                {
                    clustering.Invariant = "Npgsql";
                    clustering.ConnectionString = database.Value.SharedConnectionString;
                }));
            client.Services.AddClusterIdentity();
        });
        return builder;
    }
}
