using Orleans.Dashboard;
using UserGraph.Gateway;
using UserGraph.Silo;

var builder = WebApplication.CreateBuilder(args);

// By default the gateway is co-hosted with the silo: a request reaches its grain without a
// network hop. Orleans:Role=Gateway runs the REST gateway alone, as an Orleans client of a
// cluster that uses PostgreSQL membership.
var role = builder.Configuration.GetValue("Orleans:Role", HostRole.Silo);
if (role == HostRole.Gateway)
{
    builder.UseGraphClusterClient();
}
else
{
    builder.UseOrleans(silo =>
    {
        silo.UseGraphClustering()
            .AddGraphPersistence()
            .AddGraphChangeStreams()
            .AddGraphActivationLimits()
            .AddDashboard();
        // A filter on every grain call; worth it only when the traces it links go somewhere.
        if (Observability.TracesExported(builder.Configuration))
        {
            silo.AddActivityPropagation();
        }
    });
}

builder.AddUserGraphGateway();
builder.Services.AddGraphHealthChecks();
builder.AddGraphObservability();

var app = builder.Build();
app.UseUserGraphGateway();
app.MapGraphHealthChecks();
app.UseGraphObservability();
if (role == HostRole.Silo)
{
    // Operators only: the same policy as the admin endpoints. A browser signs in at
    // /dashboard-sign-in and is then carried by a cookie for the dashboard alone.
    app.MapOrleansDashboard(DashboardSession.DashboardPath).RequireAuthorization(GraphAdminPolicy.Name);
    app.MapDashboardSignIn();
}
app.Run();

/// <summary>Entry point, public so that tests can host the whole service.</summary>
public partial class Program;
