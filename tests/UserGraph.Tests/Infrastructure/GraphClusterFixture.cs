using Orleans.TestingHost;

namespace UserGraph.Tests.Infrastructure;

/// <summary>A two-silo cluster shared by the tests of one class.</summary>
public sealed class GraphClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync() => Cluster = await GraphTestCluster.StartAsync(GraphTestCluster.NewServiceId());

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
