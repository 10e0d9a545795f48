using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Grains;

public class UserGraphGrainTests(GraphClusterFixture fixture) : IClassFixture<GraphClusterFixture>
{
    [Fact]
    public async Task Follow_then_statuses_answer_followed_in_request_order()
    {
        var me = TestUsers.NewId();
        var (a, b, c) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());

        Assert.True(await fixture.Grains.User(me).FollowAsync(b));

        var statuses = (await fixture.Grains.User(me).GetStatusesAsync([c, b, a, me, b])).Statuses;
        Assert.Equal(
            [ConnectionStatus.None, ConnectionStatus.Followed, ConnectionStatus.None, ConnectionStatus.None, ConnectionStatus.Followed],
            statuses);
    }

    [Fact]
    public async Task Follow_and_unfollow_are_idempotent_and_report_whether_they_changed_anything()
    {
        var me = TestUsers.NewId();
        var other = TestUsers.NewId();

        Assert.True(await fixture.Grains.User(me).FollowAsync(other));
        Assert.False(await fixture.Grains.User(me).FollowAsync(other));
        Assert.True(await fixture.Grains.User(me).IsFollowingAsync(other));

        Assert.True(await fixture.Grains.User(me).UnfollowAsync(other));
        Assert.False(await fixture.Grains.User(me).UnfollowAsync(other));
        Assert.False(await fixture.Grains.User(me).IsFollowingAsync(other));
    }

    [Fact]
    public async Task Toggle_flips_and_reports_the_new_state()
    {
        var me = TestUsers.NewId();
        var other = TestUsers.NewId();

        Assert.True(await fixture.Grains.User(me).ToggleFollowAsync(other));
        Assert.True(await fixture.Grains.User(me).IsFollowingAsync(other));
        Assert.False(await fixture.Grains.User(me).ToggleFollowAsync(other));
        Assert.False(await fixture.Grains.User(me).IsFollowingAsync(other));
    }

    [Fact]
    public async Task A_follow_is_one_directional()
    {
        var me = TestUsers.NewId();
        var other = TestUsers.NewId();

        await fixture.Grains.User(me).FollowAsync(other);

        Assert.False(await fixture.Grains.User(other).IsFollowingAsync(me));
        Assert.Equal([ConnectionStatus.None], (await fixture.Grains.User(other).GetStatusesAsync([me])).Statuses);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Following_an_invalid_id_is_refused(long target)
    {
        var me = TestUsers.NewId();

        await Assert.ThrowsAsync<GraphRuleException>(() => fixture.Grains.User(me).FollowAsync(target));
        await Assert.ThrowsAsync<GraphRuleException>(() => fixture.Grains.User(me).ToggleFollowAsync(target));
    }

    [Fact]
    public async Task Following_oneself_is_refused_and_changes_nothing()
    {
        var me = TestUsers.NewId();

        var error = await Assert.ThrowsAsync<GraphRuleException>(() => fixture.Grains.User(me).ToggleFollowAsync(me));

        Assert.Contains("themselves", error.Message);
        Assert.False(await fixture.Grains.User(me).IsFollowingAsync(me));
    }

    [Fact]
    public async Task Concurrent_follows_of_one_user_are_all_kept()
    {
        var me = TestUsers.NewId();
        var targets = Enumerable.Range(0, 40).Select(_ => TestUsers.NewId()).ToArray();

        await Task.WhenAll(targets.Select(t => fixture.Grains.User(me).FollowAsync(t)));

        var statuses = (await fixture.Grains.User(me).GetStatusesAsync(targets)).Statuses;
        Assert.All(statuses, s => Assert.Equal(ConnectionStatus.Followed, s));
    }
}
