using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Grains;

public class ErasureTests(GraphClusterFixture fixture) : IClassFixture<GraphClusterFixture>
{
    [Fact]
    public async Task Erasing_a_user_removes_them_from_every_graph_with_counters_right_after()
    {
        var (erased, follower, followee, hider, hidden, connection) =
            (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        await fixture.Grains.User(follower).FollowAsync(erased);
        await fixture.Grains.User(erased).FollowAsync(followee);
        await fixture.Grains.User(hider).HideAsync(erased);
        await fixture.Grains.User(erased).HideAsync(hidden);
        await fixture.Grains.User(connection).RequestConnectionAsync(erased);
        await fixture.Grains.User(erased).AcceptConnectionAsync(connection);
        var (blocker, blocked) = (TestUsers.NewId(), TestUsers.NewId());
        await fixture.Grains.User(blocker).ChangeBlockAsync(erased, EdgeChange.Add);
        await fixture.Grains.User(erased).ChangeBlockAsync(blocked, EdgeChange.Add);
        var everyone = new[] { erased, follower, followee, hider, hidden, connection, blocker, blocked };
        await GraphConsistency.AssertConsistentAsync(fixture.Grains, everyone);

        var report = await fixture.Grains.GetGrain<IGraphMaintenanceGrain>(0).EraseUserAsync(erased);

        Assert.Equal(7, report.PeersUpdated);
        foreach (var peer in everyone.Skip(1))
        {
            var relationship = await fixture.Grains.User(peer).GetRelationshipAsync(erased);
            Assert.Equal(new Relationship(erased, false, false, ConnectionStatus.None, false, false), relationship);
            Assert.False(relationship.IsBlockedEitherWay);
            Assert.Equal(new GraphCounters(0, 0, 0, 0, 0), await fixture.Grains.User(peer).GetCountersAsync());
        }

        Assert.Equal(new GraphCounters(0, 0, 0, 0, 0), await fixture.Grains.User(erased).GetCountersAsync());
        Assert.Empty((await fixture.Grains.User(erased).GetHiddenAsync(0, 10)).UserIds);
        Assert.Empty((await fixture.Grains.User(erased).GetBlockedAsync(0, 10)).UserIds);
        await Task.Delay(300);
        Assert.Empty(await GraphConsistency.ViolationsAsync(fixture.Grains, everyone));
        Assert.All(await fixture.Grains.User(erased).GetRelationshipsAsync(everyone.Skip(1).ToArray()), r => Assert.False(r.FollowedBy || r.HiddenBy || r.BlockedBy));
    }
}
