using Orleans.Configuration;
using Orleans.TestingHost;
using UserGraph.Silo;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// An in-process Orleans cluster with the service's real persistence on the test PostgreSQL.
/// Clusters started with the same <paramref name="serviceId"/> share stored state, which is how
/// tests restart "the same" service.
/// </summary>
public static class GraphTestCluster
{
    public static async Task<TestCluster> StartAsync(string serviceId, short silos = 2)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = $"{serviceId}-{Guid.NewGuid():N}";
        builder.Properties["ConnectionStrings:Postgres"] = await TestDatabase.GetConnectionStringAsync();
        // Production re-drives stuck deliveries every minute; tests cannot wait that long.
        builder.Properties["Graph:PeerSync:ReminderPeriod"] = "00:00:02";
        builder.AddSiloBuilderConfigurator<GraphSiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static string NewServiceId() => $"test-{Guid.NewGuid():N}";

    private sealed class GraphSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddGraphPersistence();
            siloBuilder.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        }
    }
}
