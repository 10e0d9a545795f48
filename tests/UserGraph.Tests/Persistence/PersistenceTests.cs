using Npgsql;
using Orleans.Storage;
using UserGraph.Grains.Interfaces;
using UserGraph.Silo;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Persistence;

/// <summary>The follow set survives restarts, stored by our SQL through the Orleans provider.</summary>
public class PersistenceTests
{
    [Fact]
    public async Task Follows_survive_a_full_cluster_restart()
    {
        var serviceId = GraphTestCluster.NewServiceId();
        var me = TestUsers.NewId();
        var kept = new[] { TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId() };
        var dropped = TestUsers.NewId();

        await using (var first = await GraphTestCluster.StartAsync(serviceId))
        {
            var grain = first.GrainFactory.GetGrain<IUserGraphGrain>(me);
            foreach (var id in kept.Append(dropped))
            {
                await grain.FollowAsync(id);
            }

            await grain.UnfollowAsync(dropped);
        }

        await using var second = await GraphTestCluster.StartAsync(serviceId);
        var statuses = (await second.GrainFactory.GetGrain<IUserGraphGrain>(me).GetStatusesAsync([.. kept, dropped])).Statuses;

        Assert.Equal(
            [ConnectionStatus.Followed, ConnectionStatus.Followed, ConnectionStatus.Followed, ConnectionStatus.None],
            statuses);
    }

    [Fact]
    public async Task State_is_scoped_to_the_service_id()
    {
        var me = TestUsers.NewId();
        var other = TestUsers.NewId();

        await using (var first = await GraphTestCluster.StartAsync(GraphTestCluster.NewServiceId(), silos: 1))
        {
            await first.GrainFactory.GetGrain<IUserGraphGrain>(me).FollowAsync(other);
        }

        await using var unrelated = await GraphTestCluster.StartAsync(GraphTestCluster.NewServiceId(), silos: 1);
        Assert.False(await unrelated.GrainFactory.GetGrain<IUserGraphGrain>(me).IsFollowingAsync(other));
    }

    [Fact]
    public async Task A_write_from_a_stale_activation_is_refused_instead_of_overwriting()
    {
        // Two clusters on one service id model a split brain: both activate the same user.
        var serviceId = GraphTestCluster.NewServiceId();
        var me = TestUsers.NewId();
        var (first, second) = (TestUsers.NewId(), TestUsers.NewId());
        await using var left = await GraphTestCluster.StartAsync(serviceId, silos: 1);
        await using var right = await GraphTestCluster.StartAsync(serviceId, silos: 1);
        var leftGrain = left.GrainFactory.GetGrain<IUserGraphGrain>(me);
        var rightGrain = right.GrainFactory.GetGrain<IUserGraphGrain>(me);
        Assert.False(await leftGrain.IsFollowingAsync(first));
        Assert.False(await rightGrain.IsFollowingAsync(first));

        await leftGrain.FollowAsync(first);
        await Assert.ThrowsAsync<InconsistentStateException>(() => rightGrain.FollowAsync(second));

        // The refused activation reloaded what is stored, so a retry keeps both follows.
        await rightGrain.FollowAsync(second);
        await using var fresh = await GraphTestCluster.StartAsync(serviceId, silos: 1);
        Assert.Equal(
            [ConnectionStatus.Followed, ConnectionStatus.Followed],
            (await fresh.GrainFactory.GetGrain<IUserGraphGrain>(me).GetStatusesAsync([first, second])).Statuses);
    }

    [Fact]
    public async Task The_schema_applies_again_and_concurrently_without_error()
    {
        var connectionString = await TestDatabase.GetConnectionStringAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresSchema.ApplyAsync(connectionString)));
        await PostgresSchema.ApplyAsync(connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleansquery WHERE querykey IN ('ReadFromStorageKey', 'WriteToStorageKey', 'ClearStorageKey')",
            connection);
        Assert.Equal(3L, await command.ExecuteScalarAsync());
    }
}
