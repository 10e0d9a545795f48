using System.Net;
using Orleans.Configuration;
using UserGraph.Gateway;
using UserGraph.Silo;

var builder = WebApplication.CreateBuilder(args);

var connectionString = builder.Configuration.GetConnectionString("Postgres");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("ConnectionStrings:Postgres is not set (environment: ConnectionStrings__Postgres).");
    return 2;
}

await PostgresSchema.ApplyAsync(connectionString);

var cluster = builder.Configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering(
        siloPort: cluster.SiloPort,
        gatewayPort: cluster.GatewayPort,
        primarySiloEndpoint: new IPEndPoint(IPAddress.Loopback, cluster.SiloPort),
        serviceId: cluster.ServiceId,
        clusterId: cluster.ClusterId);
    silo.AddGraphStorage(connectionString);
});
builder.AddUserGraphGateway();

var app = builder.Build();
app.UseUserGraphGateway();
await app.RunAsync();
return 0;

/// <summary>Entry point, public so that tests can host the whole service.</summary>
public partial class Program;
