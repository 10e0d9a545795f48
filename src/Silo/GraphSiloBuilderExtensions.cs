using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Silo;

/// <summary>
/// The silo configuration shared by the service and the test clusters. Settings are read from
/// the silo's configuration when options are resolved, not when this code runs, so hosts that
/// add configuration late (test factories) are honoured.
/// </summary>
public static class GraphSiloBuilderExtensions
{
    /// <summary>
    /// The graph's persistence, all on one PostgreSQL database: schema applied on start, grain
    /// storage for snapshots (ADO.NET through Npgsql, the state written by the Orleans binary
    /// serializer: compact and version tolerant through [Id] members, instead of the provider's
    /// default JSON with type names), the change journal beside them, and the reminder table
    /// behind the sweep that re-drives pending reverse-view deliveries.
    /// </summary>
    /// <param name="storageProviderName">Tests register the real storage under another name to wrap it.</param>
    public static ISiloBuilder AddGraphPersistence(this ISiloBuilder silo, string storageProviderName = GraphStorage.ProviderName)
    {
        silo.Services.AddGraphDatabaseOptions();
        silo.Services.AddOptions<CommunityOptions>().BindConfiguration(CommunityOptions.SectionName);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PostgresSchemaInstaller>();

        silo.AddGraphDatabaseStorage(storageProviderName);
        silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> options) =>
            options.Configure<IOptions<GraphDatabaseOptions>>((reminders, database) =>
            {
                reminders.Invariant = "Npgsql";
                reminders.ConnectionString = database.Value.SharedConnectionString;
            }));

        silo.Services.AddOptions<MirrorOptions>().BindConfiguration(MirrorOptions.SectionName);
        silo.Services.AddOptions<GraphJournalOptions>().BindConfiguration(GraphJournalOptions.SectionName);
        silo.Services.AddMetrics();
        silo.Services.AddSingleton(services => new GraphJournalMetrics(services.GetRequiredService<IMeterFactory>().Create(GraphJournalMetrics.MeterName)));
        silo.Services.AddSingleton<IGraphJournal, PostgresGraphJournal>();
        silo.Services.AddOptions<GraphChangeLogOptions>().BindConfiguration(GraphChangeLogOptions.SectionName);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<IGraphChangeLog, PostgresGraphChangeLog>();
        silo.Services.AddSingleton<IChangeStreamSubscribers, PostgresChangeStreamSubscribers>();
        silo.AddGraphWebhooks();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MirrorSweeperScheduler>();
        silo.Services.AddSingleton<IEdgeOwnerFinder, PostgresEdgeOwnerFinder>();
        return silo;
    }

    /// <summary>
    /// Webhook delivery from the change log: endpoints in the graph database, one dispatcher grain
    /// per endpoint partition kept alive by reminders, HTTP through a pooled client that follows
    /// no redirects.
    /// </summary>
    private static void AddGraphWebhooks(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        silo.Services.AddSingleton<IWebhookStore, PostgresWebhookStore>();
        silo.Services.AddSingleton<IWebhookSender, StandardWebhookSender>();
        silo.Services.AddHttpClient(StandardWebhookSender.HttpClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 256,
            });
    }

    /// <summary>
    /// Graph change events (<see cref="GraphChangeStreams"/>): Orleans memory streams, with the
    /// subscriptions themselves (the pub-sub state) stored in the graph database so they survive
    /// restarts, and a user's events published only while its stream has a subscriber
    /// (<see cref="ChangeStreamSubscriberStorage"/>). Delivery is ordered per user and at most
    /// once: events still queued when a silo dies are lost, which subscribers detect from the
    /// version gap.
    /// </summary>
    public static ISiloBuilder AddGraphChangeStreams(this ISiloBuilder silo)
    {
        // Orleans keeps a memory stream's delivered events for replay at least 5 and up to 30
        // minutes by default: under a steady write load the silo's memory rose for the first half
        // hour (the soak of issue 17: RSS 1.13x from minute 2 to 10). Subscribers here are live,
        // and a gap is announced by the graph version, so a minute is plenty (RSS 1.07x).
        silo.AddMemoryStreams(GraphChangeStreams.ProviderName, streams =>
        {
            streams.ConfigureCacheEviction(eviction => eviction.Configure(options =>
            {
                options.DataMinTimeInCache = TimeSpan.FromSeconds(30);
                options.DataMaxAgeInCache = TimeSpan.FromMinutes(1);
            }));
            // The pulling agent keeps what it knows of every stream that carried an event (its
            // consumers, a cursor) until the stream is idle this long; Orleans' default is 30 minutes,
            // so a write load over many users held that state for each of them. Forgetting sooner
            // costs one pub-sub lookup on the next write of a quiet user.
            streams.ConfigurePullingAgent(agent => agent.Configure(options =>
                options.StreamInactivityPeriod = ChangeStreamIdlePeriod));
        });
        silo.AddGraphDatabaseStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME);
        silo.Services.AddKeyedSingleton<IGrainStorage>(GraphChangeStreams.ProviderName, (services, _) => new ChangeStreamSubscriberStorage(
            services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME),
            services.GetRequiredService<IChangeStreamSubscribers>(),
            services.GetRequiredService<IGrainFactory>()));
        silo.Services.Configure<GrainCollectionOptions>(options =>
            options.ClassSpecificCollectionAge.TryAdd(PubSubRendezvousGrainClass, ChangeStreamIdlePeriod));
        return silo;
    }

    /// <summary>
    /// How long a user's change stream stays known to the pulling agent, and its pub-sub grain
    /// (one per subscribed stream that carried an event) stays active, once idle. Longer than the
    /// collection quantum (1 minute), which Orleans requires.
    /// </summary>
    public static readonly TimeSpan ChangeStreamIdlePeriod = TimeSpan.FromMinutes(2);

    /// <summary>Orleans' pub-sub grain, named as <see cref="GrainCollectionOptions.ClassSpecificCollectionAge"/> expects.</summary>
    public const string PubSubRendezvousGrainClass = "Orleans.Streams.PubSubRendezvousGrain";

    /// <summary>
    /// Bounded memory: idle activations are collected after <c>Orleans:GrainCollection:CollectionAge</c>
    /// (Orleans' default, 15 minutes), and when the process's memory passes
    /// <c>MemoryUsageLimitPercentage</c> of what the runtime may use (the machine's memory, or the
    /// container's limit, or <c>DOTNET_GCHeapHardLimit</c>) the least recently used activations are
    /// deactivated until it is back under <c>MemoryUsageTargetPercentage</c>. Shedding is on here
    /// (Orleans ships it off): a silo that touched every user of a large community once would
    /// otherwise hold them all for the collection age, and run out of memory first.
    /// Orleans' own thresholds (80 %, 75 %, polled every 5 s) let a cold-user storm at about
    /// 16 MB/s of new activations pass the heap limit between two polls and throw
    /// OutOfMemoryException in requests (measured with a 384 MiB heap); polled every second from
    /// 70 % down to 50 % the same storm stayed under it. Shedding an idle user costs one state read
    /// on its next request, since every write is already stored.
    /// </summary>
    public static ISiloBuilder AddGraphActivationLimits(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<GrainCollectionOptions>()
            .Configure(options =>
            {
                options.EnableActivationSheddingOnMemoryPressure = true;
                options.MemoryUsagePollingPeriod = DefaultMemoryUsagePollingPeriod;
                options.MemoryUsageLimitPercentage = DefaultMemoryUsageLimitPercentage;
                options.MemoryUsageTargetPercentage = DefaultMemoryUsageTargetPercentage;
            })
            .BindConfiguration(GrainCollectionSection);
        return silo;
    }

    /// <summary>How often the silo checks its memory when shedding is on.</summary>
    public static readonly TimeSpan DefaultMemoryUsagePollingPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Percent of the runtime's memory above which idle activations are shed.</summary>
    public const double DefaultMemoryUsageLimitPercentage = 70;

    /// <summary>Percent of the runtime's memory that shedding aims back down to.</summary>
    public const double DefaultMemoryUsageTargetPercentage = 50;

    /// <summary>The configuration section bound onto Orleans' <see cref="GrainCollectionOptions"/>.</summary>
    public const string GrainCollectionSection = "Orleans:GrainCollection";

    private static void AddGraphDatabaseStorage(this ISiloBuilder silo, string providerName) =>
        silo.AddAdoNetGrainStorage(providerName, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<Serializer, IOptions<GraphDatabaseOptions>>((storage, serializer, database) =>
            {
                storage.Invariant = "Npgsql";
                storage.ConnectionString = database.Value.SharedConnectionString;
                storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));

    /// <summary>
    /// Cluster membership and endpoints from the <c>Orleans</c> section: localhost development
    /// clustering (the default) or ADO.NET clustering on the graph database, whose schema the
    /// silo applies on start like the rest.
    /// </summary>
    public static ISiloBuilder UseGraphClustering(this ISiloBuilder silo)
    {
        var settings = silo.Configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        silo.Services.AddClusterIdentity();
        if (settings.Membership == ClusteringMode.Postgres)
        {
            silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> options) =>
                options.Configure<IOptions<GraphDatabaseOptions>>((clustering, database) =>
                {
                    clustering.Invariant = "Npgsql";
                    clustering.ConnectionString = database.Value.SharedConnectionString;
                }));
            silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<ClusterSettings>>((endpoints, cluster) =>
            {
                if (cluster.Value.AdvertisedAddress is { Length: > 0 } advertised)
                {
                    endpoints.AdvertisedIPAddress = IPAddress.Parse(advertised);
                }

                endpoints.SiloPort = cluster.Value.SiloPort;
                endpoints.GatewayPort = cluster.Value.GatewayPort;
                endpoints.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.Value.SiloPort);
                endpoints.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.Value.GatewayPort);
            });
        }
        else
        {
            silo.UseLocalhostClustering();
            silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<ClusterSettings>>((endpoints, cluster) =>
            {
                endpoints.SiloPort = cluster.Value.SiloPort;
                endpoints.GatewayPort = cluster.Value.GatewayPort;
            });
            silo.Services.AddOptions<DevelopmentClusterMembershipOptions>().Configure<IOptions<ClusterSettings>>(
                (membership, cluster) => membership.PrimarySiloEndpoint =
                    new IPEndPoint(IPAddress.Loopback, cluster.Value.PrimarySiloPort ?? cluster.Value.SiloPort));
        }

        return silo;
    }
}
