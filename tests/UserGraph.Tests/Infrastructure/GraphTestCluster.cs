using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Microsoft.Extensions.Configuration;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;
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
    /// <param name="faultInjection">Wrap the storage in <see cref="FaultInjectingGrainStorage"/>.</param>
    /// <param name="settings">Configuration for the silos, on top of the test defaults.</param>
    public static async Task<TestCluster> StartAsync(
        string serviceId, short silos = 2, bool faultInjection = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = $"{serviceId}-{Guid.NewGuid():N}";
        builder.Properties["ConnectionStrings:Postgres"] = await TestDatabase.GetConnectionStringAsync();
        // Production re-drives stuck deliveries every minute; tests cannot wait that long.
        builder.Properties["Graph:Mirror:SweepPeriod"] = "00:00:02";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Properties[key] = value;
        }

        if (faultInjection)
        {
            builder.AddSiloBuilderConfigurator<FaultInjectingSiloConfigurator>();
        }
        else
        {
            builder.AddSiloBuilderConfigurator<GraphSiloConfigurator>();
        }

        builder.AddClientBuilderConfigurator<StreamingClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static string NewServiceId() => $"test-{Guid.NewGuid():N}";

    /// <summary>
    /// <c>Graph:Mirror:WaitBound</c> for tests that fire hundreds of writes at once. Production
    /// waits at most 1 s for a mirror, a bound only a fault reaches; on CI's two cores, three
    /// silos, the test client and PostgreSQL share the CPU, and a burst of 400 writes queues for
    /// the CPU for most of a second. Four seconds is still below a hung call (Orleans' response
    /// timeout, 5 s here): a deadlock or a convoy reaches it, a busy machine does not. The tests report
    /// the p99 they measured.
    /// </summary>
    public const string LoadedMachineWaitBound = "00:00:04";

    /// <summary>
    /// Setting this to <c>true</c> places activations at random instead of near their caller, so
    /// that the two users of a pair mostly live on different silos.
    /// </summary>
    public const string RandomPlacementSetting = "Tests:RandomPlacement";

    private static void ConfigureForTests(ISiloBuilder siloBuilder)
    {
        if (siloBuilder.Configuration[RandomPlacementSetting] == "true")
        {
            siloBuilder.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
        }

        siloBuilder.AddGraphChangeStreams().AddGraphActivationLimits();
        siloBuilder.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = TimeSpan.FromSeconds(1));

        // Tests that kill silos must not wait the production failure detection (about 15 s).
        siloBuilder.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(5));
        siloBuilder.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = TimeSpan.FromSeconds(1);
            membership.NumMissedProbesLimit = 2;
        });
    }

    private sealed class StreamingClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        {
            clientBuilder.AddMemoryStreams(GraphChangeStreams.ProviderName);
            clientBuilder.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(5));
        }
    }

    private sealed class GraphSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddGraphPersistence();
            ConfigureForTests(siloBuilder);
        }
    }

    private sealed class FaultInjectingSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddGraphPersistence(FaultInjectingGrainStorage.InnerProviderName);
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(
                GraphStorage.ProviderName,
                (services, _) => new FaultInjectingGrainStorage(
                    services.GetRequiredKeyedService<IGrainStorage>(FaultInjectingGrainStorage.InnerProviderName)));
            siloBuilder.Services.AddSingleton<PostgresGraphJournal>();
            siloBuilder.Services.AddSingleton<IGraphJournal>(
                services => new FaultInjectingGraphJournal(services.GetRequiredService<PostgresGraphJournal>()));
            ConfigureForTests(siloBuilder);
        }
    }
}
