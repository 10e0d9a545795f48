using UserGraph.Grains;
using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Grains;

/// <summary>The followed user's mirror of a follow, up to date when the follow answers.</summary>
public class ReverseViewTests(GraphClusterFixture fixture) : IClassFixture<GraphClusterFixture>
{
    [Fact]
    public async Task The_followed_user_learns_of_a_follow_and_an_unfollow()
    {
        var (me, target) = (TestUsers.NewId(), TestUsers.NewId());

        await fixture.Grains.User(me).FollowAsync(target);
        Assert.True(await fixture.Grains.User(target).IsFollowedByAsync(me));
        Assert.Equal(new GraphCounters(Followers: 1, Followings: 0), await fixture.Grains.User(target).GetCountersAsync());
        Assert.Equal(new GraphCounters(Followers: 0, Followings: 1), await fixture.Grains.User(me).GetCountersAsync());

        await fixture.Grains.User(me).UnfollowAsync(target);
        Assert.False(await fixture.Grains.User(target).IsFollowedByAsync(me));
        Assert.Equal(new GraphCounters(0, 0), await fixture.Grains.User(target).GetCountersAsync());
    }

    [Fact]
    public async Task Follow_unfollow_follow_in_quick_succession_ends_followed_on_both_sides()
    {
        var (me, target) = (TestUsers.NewId(), TestUsers.NewId());

        for (var round = 0; round < 5; round++)
        {
            await fixture.Grains.User(me).FollowAsync(target);
            await fixture.Grains.User(me).UnfollowAsync(target);
        }

        await fixture.Grains.User(me).ToggleFollowAsync(target);

        await GraphConsistency.AssertConsistentAsync(fixture.Grains, [me, target]);
        Assert.True(await fixture.Grains.User(me).IsFollowingAsync(target));
        Assert.True(await fixture.Grains.User(target).IsFollowedByAsync(me));
    }

    [Fact]
    public async Task A_hide_reaches_the_hidden_users_view()
    {
        var (me, target) = (TestUsers.NewId(), TestUsers.NewId());

        Assert.True(await fixture.Grains.User(me).ToggleHideAsync(target));
        Assert.True(await fixture.Grains.User(target).IsHiddenByAsync(me));
        Assert.True(await fixture.Grains.User(me).IsHidingAsync(target));
        Assert.False(await fixture.Grains.User(me).IsHiddenByAsync(target));

        Assert.False(await fixture.Grains.User(me).ToggleHideAsync(target));
        Assert.False(await fixture.Grains.User(target).IsHiddenByAsync(me));
    }

    [Fact]
    public async Task Hiding_oneself_is_refused()
    {
        var me = TestUsers.NewId();

        await Assert.ThrowsAsync<GraphRuleException>(() => fixture.Grains.User(me).HideAsync(me));
        Assert.Empty((await fixture.Grains.User(me).GetHiddenAsync(0, 10)).UserIds);
    }

    [Fact]
    public async Task Fifty_followers_at_once_then_half_leaving_gives_exact_lists_and_counts()
    {
        var target = TestUsers.NewId();
        var followers = Enumerable.Range(0, 50).Select(_ => TestUsers.NewId()).ToArray();

        await Task.WhenAll(followers.Select(f => fixture.Grains.User(f).FollowAsync(target)));
        await Task.WhenAll(followers.Take(25).Select(f => fixture.Grains.User(f).UnfollowAsync(target)));

        await GraphConsistency.AssertConsistentAsync(fixture.Grains, [target, .. followers]);
        var remaining = followers.Skip(25).Order().ToArray();
        Assert.Equal(remaining, (await fixture.Grains.User(target).GetFollowersAsync(MutualFilter.Any, 0, 100)).UserIds);
        Assert.Equal(new GraphCounters(25, 0), await fixture.Grains.User(target).GetCountersAsync());
    }

    [Fact]
    public async Task Duplicated_and_spurious_deliveries_change_nothing()
    {
        var (me, target, stranger) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        await fixture.Grains.User(me).FollowAsync(target);
        await GraphConsistency.AssertConsistentAsync(fixture.Grains, [me, target]);
        var mirror = fixture.Grains.GetGrain<IUserGraphMirror>(target);
        var truth = await fixture.Grains.GetGrain<IUserGraphMirror>(me).GetEdgesTowardAsync(target);
        var version = (await fixture.Grains.User(target).GetStatusesAsync([me])).GraphVersion;

        // The same mirror many times, concurrently, one from a user with no edge at all, and one
        // claiming to come from the user itself.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => mirror.MirrorAsync(me, truth)));
        await mirror.MirrorAsync(stranger, new PeerEdges(EdgeKinds.None, null));
        await mirror.MirrorAsync(target, new PeerEdges(EdgeKinds.Follows, null));

        Assert.Equal(version, (await fixture.Grains.User(target).GetStatusesAsync([me])).GraphVersion);

        Assert.Equal([me], (await fixture.Grains.User(target).GetFollowersAsync(MutualFilter.Any, 0, 10)).UserIds);
        Assert.Equal(new GraphCounters(1, 0), await fixture.Grains.User(target).GetCountersAsync());
        Assert.Empty(await GraphConsistency.ViolationsAsync(fixture.Grains, [me, target, stranger]));
    }

    [Fact]
    public async Task Two_users_following_each_other_at_once_do_not_deadlock()
    {
        var (a, b) = (TestUsers.NewId(), TestUsers.NewId());

        for (var round = 0; round < 10; round++)
        {
            await Task.WhenAll(fixture.Grains.User(a).ToggleFollowAsync(b), fixture.Grains.User(b).ToggleFollowAsync(a));
        }

        await GraphConsistency.AssertConsistentAsync(fixture.Grains, [a, b]);
        Assert.False(await fixture.Grains.User(a).IsFollowingAsync(b));
        Assert.False(await fixture.Grains.User(b).IsFollowingAsync(a));
    }

    [Fact]
    public async Task Lists_put_mutual_follows_first_and_filter_on_mutual()
    {
        var me = TestUsers.NewId();
        var others = Enumerable.Range(0, 6).Select(_ => TestUsers.NewId()).ToArray();
        var mutual = new[] { others[4], others[1] };
        await Task.WhenAll(others.Select(o => fixture.Grains.User(o).FollowAsync(me)));
        await Task.WhenAll(mutual.Select(m => fixture.Grains.User(me).FollowAsync(m)));
        await GraphConsistency.AssertConsistentAsync(fixture.Grains, [me, .. others]);

        var all = await fixture.Grains.User(me).GetFollowersAsync(MutualFilter.Any, 0, 10);
        var firstPage = await fixture.Grains.User(me).GetFollowersAsync(MutualFilter.Any, 0, 4);
        var secondPage = await fixture.Grains.User(me).GetFollowersAsync(MutualFilter.Any, 4, 4);
        var onlyMutual = await fixture.Grains.User(me).GetFollowersAsync(MutualFilter.MutualOnly, 0, 10);
        var notMutual = await fixture.Grains.User(me).GetFollowersAsync(MutualFilter.NonMutualOnly, 0, 10);

        long[] expected = [.. mutual.Order(), .. others.Except(mutual).Order()];
        Assert.Equal(expected, all.UserIds);
        Assert.Equal(6, all.TotalCount);
        Assert.Equal(expected, firstPage.UserIds.Concat(secondPage.UserIds));
        Assert.Equal(6, secondPage.TotalCount);
        Assert.Equal(2, onlyMutual.TotalCount);
        Assert.Equal(mutual.Order(), onlyMutual.UserIds);
        Assert.Equal(4, notMutual.TotalCount);
        Assert.Equal(others.Except(mutual).Order(), notMutual.UserIds);
        Assert.Equal(mutual.Order(), (await fixture.Grains.User(me).GetFollowingsAsync(MutualFilter.MutualOnly, 0, 10)).UserIds);
    }
}
