using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Grains;

/// <summary>Relations among a room's members, through the public grain contract as a co-hosted service calls it.</summary>
public class RoomGraphTests(GraphClusterFixture fixture) : IClassFixture<GraphClusterFixture>
{
    private IRoomGraphGrain Rooms => fixture.Grains.GetGrain<IRoomGraphGrain>(0);

    [Fact]
    public async Task Every_ordered_pair_has_its_follows_connection_blocks_and_hides()
    {
        var (a, b, c, d) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        await fixture.Grains.User(a).FollowAsync(b);
        await fixture.Grains.User(b).RequestConnectionAsync(c);
        await fixture.Grains.User(c).AcceptConnectionAsync(b);
        await fixture.Grains.User(c).ChangeBlockAsync(d, EdgeChange.Add);
        await fixture.Grains.User(d).HideAsync(a);

        var room = await Rooms.AmongAsync([d, c, b, a]);

        Assert.Equal([d, c, b, a], room.Members);
        Assert.Equal(16, room.Relations.Length);
        Assert.Equal(PairRelation.Follows, room.Between(a, b));
        Assert.Equal(PairRelation.None, room.Between(b, a));
        Assert.Equal(PairRelation.Connected, room.Between(b, c));
        Assert.Equal(PairRelation.Connected, room.Between(c, b));
        Assert.Equal(PairRelation.Blocks, room.Between(c, d));
        Assert.True(room.IsBlockedEitherWay(d, c));
        Assert.Equal(PairRelation.Hides, room.Between(d, a));
        Assert.Equal(PairRelation.None, room.Between(a, a));
        Assert.Equal(PairRelation.None, room.Between(a, 12345));
        Assert.Equal(5, room.Relations.Count(relation => relation != PairRelation.None));
    }

    [Fact]
    public async Task A_room_of_a_hundred_answers_and_larger_or_repeated_lists_are_refused()
    {
        var members = Enumerable.Range(0, 100).Select(_ => TestUsers.NewId()).ToArray();
        await fixture.Grains.User(members[0]).FollowAsync(members[99]);

        var room = await Rooms.AmongAsync(members);

        Assert.Equal(PairRelation.Follows, room.Between(members[0], members[99]));
        Assert.Single(room.Relations, relation => relation != PairRelation.None);
        await Assert.ThrowsAsync<GraphRuleException>(() => Rooms.AmongAsync([.. members, TestUsers.NewId()]));
        await Assert.ThrowsAsync<GraphRuleException>(() => Rooms.AmongAsync([members[0], members[0]]));
        await Assert.ThrowsAsync<GraphRuleException>(() => Rooms.AmongAsync([members[0], -3]));
    }
}
