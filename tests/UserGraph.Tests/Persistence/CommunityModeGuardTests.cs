using UserGraph.Grains.Interfaces;
using UserGraph.Silo;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Persistence;

public class CommunityModeGuardTests
{
    [Fact]
    public async Task A_service_keeps_the_mode_its_data_was_written_in()
    {
        var connectionString = await TestDatabase.GetConnectionStringAsync();
        var serviceId = GraphTestCluster.NewServiceId();
        await PostgresSchema.ApplyAsync(connectionString);

        await CommunityModeGuard.EnsureAsync(connectionString, serviceId, CommunityMode.Connection);
        await CommunityModeGuard.EnsureAsync(connectionString, serviceId, CommunityMode.Connection);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => CommunityModeGuard.EnsureAsync(connectionString, serviceId, CommunityMode.Follow));

        Assert.Contains("written in connection mode, but Community:Mode is follow", error.Message);
        await CommunityModeGuard.EnsureAsync(connectionString, GraphTestCluster.NewServiceId(), CommunityMode.Follow);
    }

    [Fact]
    public async Task The_service_refuses_to_start_in_the_other_mode()
    {
        var connectionString = await TestDatabase.GetConnectionStringAsync();
        var serviceId = GraphTestCluster.NewServiceId();
        await using (var followMode = new GatewayFactory(connectionString, [new("Orleans:ServiceId", serviceId)]))
        {
            followMode.StartServer();
        }

        await using var connectionMode = new GatewayFactory(
            connectionString, [new("Orleans:ServiceId", serviceId), new("Community:Mode", "connection")]);

        var error = Assert.ThrowsAny<Exception>(() => connectionMode.StartServer());
        Assert.Contains("Switching a community's mode is not supported", error.ToString());
    }
}
