using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Grains;

public class UserGraphStateTests
{
    [Fact]
    public void Every_change_raises_the_version_and_no_change_keeps_the_instance()
    {
        var view = UserGraphState.Empty(100).WithFollowing(5, true);

        Assert.Equal(1, view.Version);
        Assert.Same(view, view.WithFollowing(5, true));
        Assert.Same(view, view.WithHidden(6, false));
        Assert.Equal(2, view.WithHidden(6, true).Version);
        Assert.Equal(2, view.WithEdgesFrom(9, new PeerEdges(EdgeKinds.Follows, null)).Version);
        Assert.Same(view, view.WithEdgesFrom(9, new PeerEdges(EdgeKinds.None, null)));
    }

    [Fact]
    public void Edges_from_an_owner_set_both_reverse_views_to_the_truth()
    {
        var view = UserGraphState.Empty(100).WithEdgesFrom(3, new PeerEdges(EdgeKinds.Follows | EdgeKinds.Hides, null));

        Assert.True(view.Followers.Contains(3));
        Assert.True(view.HiddenBy.Contains(3));

        var unfollowed = view.WithEdgesFrom(3, new PeerEdges(EdgeKinds.Hides, null));
        Assert.False(unfollowed.Followers.Contains(3));
        Assert.True(unfollowed.HiddenBy.Contains(3));
    }

    [Fact]
    public void Edges_toward_a_peer_and_statuses_come_from_owned_edges_only()
    {
        var view = UserGraphState.Empty(100).WithFollowing(4, true).WithHidden(4, true).WithEdgesFrom(8, new PeerEdges(EdgeKinds.Follows, null));

        Assert.Equal(EdgeKinds.Follows | EdgeKinds.Hides, view.EdgesToward(4).Owned);
        Assert.Equal(EdgeKinds.None, view.EdgesToward(8).Owned);
        var snapshot = view.Statuses([8, 4, 1]);
        Assert.Equal([ConnectionStatus.None, ConnectionStatus.Followed, ConnectionStatus.None], snapshot.Statuses);
        Assert.Equal(view.Version, snapshot.GraphVersion);
        Assert.Equal(new GraphCounters(Followers: 1, Followings: 1), view.Counters);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(600)]
    public void Statuses_of_a_batch_answer_as_StatusToward_for_each_id_connections_first(int count)
    {
        var now = DateTime.UtcNow;
        var view = UserGraphState.Empty(100);
        for (var id = 101; id < 101 + count * 2; id += 2)
        {
            view = view.WithFollowing(id, true);
        }

        var request = ConnectionStateMachine.Apply(null, 100, ConnectionAction.Request, now, 1);
        view = view.WithConnection(101, request).WithConnection(104, request)
            .WithConnection(107, ConnectionStateMachine.Apply(request, 107, ConnectionAction.Accept, now, 2));
        long[] ids = [.. Enumerable.Range(95, count * 2 + 10).Select(id => (long)id).Reverse()];

        var snapshot = view.Statuses(ids);

        Assert.Equal(ids.Select(view.StatusToward), snapshot.Statuses);
        Assert.Equal(ConnectionStatus.ConnectionRequestSent, snapshot.Statuses[Array.IndexOf(ids, 101L)]);
        Assert.Equal(ConnectionStatus.Followed, snapshot.Statuses[Array.IndexOf(ids, 103L)]);
        Assert.Equal(ConnectionStatus.Connected, snapshot.Statuses[Array.IndexOf(ids, 107L)]);
        Assert.Equal(ConnectionStatus.None, snapshot.Statuses[Array.IndexOf(ids, 102L)]);
    }

    [Fact]
    public void A_page_past_the_end_is_empty_but_counts_everything()
    {
        var view = UserGraphState.Empty(100).WithEdgesFrom(1, new PeerEdges(EdgeKinds.Follows, null)).WithEdgesFrom(2, new PeerEdges(EdgeKinds.Follows, null));

        var page = view.FollowersPage(MutualFilter.Any, offset: 5, limit: 10);

        Assert.Equal(2, page.TotalCount);
        Assert.Empty(page.UserIds);
    }
}
