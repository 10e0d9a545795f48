using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Persistence;

/// <summary>Rebuilding mirrors from the owners' edges after the stored view went wrong.</summary>
public class ReverseEdgeRepairTests
{
    [Fact]
    public async Task Repair_restores_lost_followers_and_drops_phantoms_from_a_restored_old_state()
    {
        var serviceId = GraphTestCluster.NewServiceId();
        var (target, follower, hider, phantom, blocker) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        await using (var before = await GraphTestCluster.StartAsync(serviceId, silos: 1))
        {
            await before.GrainFactory.GetGrain<IUserGraphGrain>(follower).FollowAsync(target);
            await before.GrainFactory.GetGrain<IUserGraphGrain>(hider).HideAsync(target);
            await before.GrainFactory.GetGrain<IUserGraphGrain>(blocker).ChangeBlockAsync(target, EdgeChange.Add);
            await GraphConsistency.AssertConsistentAsync(before.GrainFactory, [target, follower, hider, blocker]);
        }

        // As if the target's graph came back from an old backup: a follower it never had, the real ones missing.
        await RestoreOldSnapshotAsync(serviceId, target, new UserGraphSnapshot { Followers = [phantom], Version = 1 });

        await using var after = await GraphTestCluster.StartAsync(serviceId, silos: 1);
        var grains = after.GrainFactory;
        Assert.NotEmpty(await GraphConsistency.ViolationsAsync(grains, [target]));
        Assert.False(await grains.GetGrain<IUserGraphGrain>(target).IsBlockedByAsync(blocker));

        var report = await grains.GetGrain<IGraphMaintenanceGrain>(0).RepairReverseEdgesAsync(target);

        Assert.Equal(new ReverseEdgeRepairReport(OwnersFound: 3, EntriesCorrected: 4), report);
        Assert.True(await grains.GetGrain<IUserGraphGrain>(target).IsBlockedByAsync(blocker));
        Assert.Equal([follower], (await grains.GetGrain<IUserGraphGrain>(target).GetFollowersAsync(MutualFilter.Any, 0, 10)).UserIds);
        Assert.True(await grains.GetGrain<IUserGraphGrain>(target).IsHiddenByAsync(hider));
        Assert.Empty(await GraphConsistency.ViolationsAsync(grains, [target, follower, hider, phantom, blocker]));
        Assert.Equal(new ReverseEdgeRepairReport(3, 0), await grains.GetGrain<IGraphMaintenanceGrain>(0).RepairReverseEdgesAsync(target));
    }

    /// <summary>The user's snapshot replaced and its journal gone, as a restore of an old backup leaves them.</summary>
    private static async Task RestoreOldSnapshotAsync(string serviceId, long userId, UserGraphSnapshot state)
    {
        await using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var payload = services.GetRequiredService<Serializer>().SerializeToArray(state);
        await using var connection = new NpgsqlConnection(await TestDatabase.GetConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            DELETE FROM graph_journal WHERE service_id = @service AND user_id = @user;
            INSERT INTO grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
            VALUES (@service, @type, 0, @user, '', @payload, 1)
            ON CONFLICT (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
            DO UPDATE SET payload = EXCLUDED.payload, version = grain_state.version + 1;
            """,
            connection);
        command.Parameters.AddWithValue("payload", payload);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("type", GraphStorage.UserGraphStateName);
        command.Parameters.AddWithValue("user", userId);
        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }
}
