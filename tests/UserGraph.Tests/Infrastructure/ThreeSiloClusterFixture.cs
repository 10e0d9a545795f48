using Orleans.TestingHost;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// A three-silo cluster shared by the tests of one class, with activations placed at random, so
/// that most pairs of users live on different silos.
/// </summary>
public sealed class ThreeSiloClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        Cluster = await StartAsync();

        // Code compiled, pools opened and stream queues active before any test measures a burst.
        var users = Enumerable.Range(0, 60).Select(_ => TestUsers.NewId()).ToArray();
        await Task.WhenAll(users.Select((user, i) => Grains.GetGrain<IUserGraphGrain>(user).FollowAsync(users[(i + 1) % users.Length])));
        await Task.WhenAll(users.Select((user, i) => Grains.GetGrain<IUserGraphGrain>(user).RequestConnectionAsync(users[(i + 2) % users.Length])));
    }

    private static Task<TestCluster> StartAsync() => GraphTestCluster.StartAsync(
        GraphTestCluster.NewServiceId(),
        silos: 3,
        settings: new Dictionary<string, string>
        {
            [GraphTestCluster.RandomPlacementSetting] = "true",
            [$"{MirrorOptions.SectionName}:{nameof(MirrorOptions.WaitBound)}"] = GraphTestCluster.LoadedMachineWaitBound,
        });

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
