using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Grains;

/// <summary>A restart while a connection change is still propagating.</summary>
public class ConnectionRecoveryTests
{
    [Fact]
    public async Task A_restart_in_the_middle_of_propagation_converges()
    {
        var serviceId = GraphTestCluster.NewServiceId();
        var (low, high) = (TestUsers.NewId(), TestUsers.NewId());
        await using (var first = await GraphTestCluster.StartAsync(serviceId, silos: 2, faultInjection: true))
        {
            // The receiver is unreachable (its storage cannot be read) until the cluster is gone.
            StorageFaults.FailReadsOf(high);
            var status = await first.GrainFactory.GetGrain<IUserGraphGrain>(low).RequestConnectionAsync(high);
            Assert.Equal(ConnectionStatus.ConnectionRequestSent, status);
            await Assert.ThrowsAnyAsync<Exception>(
                () => first.GrainFactory.GetGrain<IUserGraphGrain>(high).GetConnectionStatusAsync(low));
        }

        StorageFaults.Heal(high);
        await using var second = await GraphTestCluster.StartAsync(serviceId, silos: 2, faultInjection: true);

        // Only the receiver is asked: the decider's stored outbox and reminder must do the rest.
        await Eventually.HoldsAsync(
            async () => await second.GrainFactory.GetGrain<IUserGraphGrain>(high).GetConnectionStatusAsync(low)
                        == ConnectionStatus.ConnectionRequestReceived,
            TimeSpan.FromSeconds(60),
            "the receiver learns of the request after the restart");
    }
}
