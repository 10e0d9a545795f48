using CsCheck;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Grains;

public class UserGraphStateTests
{
    [Fact]
    public void Views_have_the_same_content_exactly_when_every_set_and_record_is_equal_whatever_their_versions()
    {
        var changes = Gen.Select(Gen.Int[0, 5], Gen.Long[2, 5], Gen.Bool).Array[0, 24];
        Gen.Select(changes, changes).Sample((left, right) =>
        {
            var a = Applied(left);
            var b = Applied(right);
            Assert.Equal(Content(a) == Content(b), a.HasSameContentAs(b));
            Assert.True(a.HasSameContentAs(a with { Version = a.Version + 7 }));
        }, iter: 2000);
    }

    [Fact]
    public void A_set_changed_in_place_and_the_same_ids_loaded_from_storage_are_the_same_content()
    {
        var loaded = Enumerable.Range(1, UserIdSet.OverlayThreshold + 100).Select(i => (long)i * 3).ToArray();
        var changed = UserIdSet.FromSorted(loaded).With(2).Without(3);
        var view = UserGraphState.Empty(1) with { Followers = changed };
        var stored = UserGraphState.Empty(1) with { Followers = UserIdSet.FromSorted(changed.Ids.ToArray()) };

        Assert.True(view.HasSameContentAs(stored));
        Assert.False(view.HasSameContentAs(stored with { Followers = stored.Followers.Without(6) }));
        Assert.False(view.HasSameContentAs(stored with { Hidden = changed }));
    }

    private static UserGraphState Applied((int Kind, long Peer, bool Flag)[] changes)
    {
        var view = UserGraphState.Empty(1);
        foreach (var (kind, peer, flag) in changes)
        {
            try
            {
                view = kind switch
                {
                    0 => view.WithFollowing(peer, flag),
                    1 => view.WithHidden(peer, flag),
                    2 => view.WithBlocking(peer, flag),
                    3 => view.WithEdgesFrom(peer, new PeerEdges(flag ? EdgeKinds.Follows | EdgeKinds.Hides : EdgeKinds.None, null)),
                    4 => view.WithEdgesFrom(peer, new PeerEdges(flag ? EdgeKinds.Blocks : EdgeKinds.None, null)),
                    _ => view.WithConnection(peer, flag ? null : new ConnectionRecord { RequesterId = peer, RequestId = peer, Created = DateTime.UnixEpoch }),
                };
            }
            catch (GraphBlockedException)
            {
            }
        }

        return view;
    }

    /// <summary>The content as text, compared independently of <see cref="UserGraphState.HasSameContentAs"/>.</summary>
    private static string Content(UserGraphState view) =>
        string.Join('|', new[] { view.Followings, view.Followers, view.Hidden, view.HiddenBy, view.Blocking, view.BlockedBy }.Select(set => string.Join(',', set.Ids.ToArray())))
        + '|' + string.Join(',', view.Connections.OtherIds.Order().Select(id => $"{id}:{view.Connections.Get(id)}"));

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
