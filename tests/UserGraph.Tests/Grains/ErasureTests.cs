using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Grains;

public class ErasureTests(GraphClusterFixture fixture) : IClassFixture<GraphClusterFixture>
{
    private IUserGraphGrain User(long id) => fixture.Grains.GetGrain<IUserGraphGrain>(id);

    [Fact]
    public async Task Erasing_a_user_removes_them_from_every_graph_with_counters_right_after()
    {
        var (erased, follower, followee, hider, hidden, connection) =
            (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        await User(follower).FollowAsync(erased);
        await User(erased).FollowAsync(followee);
        await User(hider).HideAsync(erased);
        await User(erased).HideAsync(hidden);
        await User(connection).RequestConnectionAsync(erased);
        await User(erased).AcceptConnectionAsync(connection);
        var (blocker, blocked) = (TestUsers.NewId(), TestUsers.NewId());
        await User(blocker).ChangeBlockAsync(erased, EdgeChange.Add);
        await User(erased).ChangeBlockAsync(blocked, EdgeChange.Add);
        var everyone = new[] { erased, follower, followee, hider, hidden, connection, blocker, blocked };
        await GraphConsistency.AssertConsistentAsync(fixture.Grains, everyone);

        var report = await fixture.Grains.GetGrain<IGraphMaintenanceGrain>(0).EraseUserAsync(erased);

        Assert.Equal(7, report.PeersUpdated);
        foreach (var peer in everyone.Skip(1))
        {
            var relationship = await User(peer).GetRelationshipAsync(erased);
            Assert.Equal(new Relationship(erased, false, false, ConnectionStatus.None, false, false), relationship);
            Assert.False(relationship.IsBlockedEitherWay);
            Assert.Equal(new GraphCounters(0, 0, 0, 0, 0), await User(peer).GetCountersAsync());
        }

        Assert.Equal(new GraphCounters(0, 0, 0, 0, 0), await User(erased).GetCountersAsync());
        Assert.Empty((await User(erased).GetHiddenAsync(0, 10)).UserIds);
        Assert.Empty((await User(erased).GetBlockedAsync(0, 10)).UserIds);
        await Task.Delay(300);
        Assert.Empty(await GraphConsistency.ViolationsAsync(fixture.Grains, everyone));
        Assert.All(await User(erased).GetRelationshipsAsync(everyone.Skip(1).ToArray()), r => Assert.False(r.FollowedBy || r.HiddenBy || r.BlockedBy));
    }
}
