using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Grains;

/// <summary>Graph change events, as a co-hosted service or an Orleans client receives them.</summary>
public class GraphChangeEventsTests(GraphClusterFixture fixture) : IClassFixture<GraphClusterFixture>
{
    [Fact]
    public async Task Follow_unfollow_and_hide_sequences_arrive_in_order_with_rising_versions()
    {
        var (me, b, c) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        var received = await SubscribeAsync(me);

        await fixture.Grains.User(me).FollowAsync(b);
        await fixture.Grains.User(me).UnfollowAsync(b);
        await fixture.Grains.User(me).ToggleFollowAsync(b);
        await fixture.Grains.User(me).HideAsync(c);
        await fixture.Grains.User(me).UnhideAsync(c);
        await fixture.Grains.User(b).FollowAsync(me);

        var changes = await received.WaitForAsync(6);
        Assert.Equal(
            [
                (GraphChangeKind.Followed, b), (GraphChangeKind.Unfollowed, b), (GraphChangeKind.Followed, b),
                (GraphChangeKind.Hid, c), (GraphChangeKind.Unhid, c), (GraphChangeKind.GainedFollower, b),
            ],
            changes.Select(e => (e.Kind, e.OtherUserId)));
        Assert.All(changes, e => Assert.Equal(me, e.UserId));
        Assert.Equal(changes.Select(e => e.GraphVersion).Order(), changes.Select(e => e.GraphVersion));
        Assert.Equal(changes.Count, changes.Select(e => e.GraphVersion).Distinct().Count());
    }

    [Fact]
    public async Task The_other_side_gets_its_own_events_in_the_order_its_view_changed()
    {
        var (me, other) = (TestUsers.NewId(), TestUsers.NewId());
        var received = await SubscribeAsync(other);

        await fixture.Grains.User(me).FollowAsync(other);
        Assert.True(await fixture.Grains.User(other).IsFollowedByAsync(me));
        await fixture.Grains.User(me).HideAsync(other);
        await fixture.Grains.User(me).UnfollowAsync(other);

        // The other user's view converges on the truth, so steps made in quick succession may
        // reach it in one write (one version): the events then describe that write, not each step.
        var changes = await received.WaitForAsync(3);
        Assert.Equal(GraphChangeKind.GainedFollower, changes[0].Kind);
        Assert.Equal(
            [GraphChangeKind.LostFollower, GraphChangeKind.HiddenBy],
            changes.Skip(1).Select(e => e.Kind).Order());
        Assert.True(changes[0].GraphVersion < changes[1].GraphVersion);
        Assert.Equal(changes.Select(e => e.GraphVersion).Order(), changes.Select(e => e.GraphVersion));
    }

    [Fact]
    public async Task A_subscriber_that_joins_late_misses_nothing_from_then_on()
    {
        var me = TestUsers.NewId();
        var (early, late) = (TestUsers.NewId(), TestUsers.NewId());
        await fixture.Grains.User(me).FollowAsync(early);
        var versionAtSubscription = (await fixture.Grains.User(me).GetStatusesAsync([])).GraphVersion;

        var received = await SubscribeAsync(me);
        await fixture.Grains.User(me).FollowAsync(late);
        await fixture.Grains.User(me).UnfollowAsync(early);

        // A change still queued when the subscription was made may be delivered too; nothing later may be missing.
        await received.WaitForAsync(2);
        await Task.Delay(200);
        var changes = await received.WaitForAsync(2);
        Assert.Equal(
            [(GraphChangeKind.Followed, late), (GraphChangeKind.Unfollowed, early)],
            changes.Where(e => e.GraphVersion > versionAtSubscription).Select(e => (e.Kind, e.OtherUserId)));
    }

    [Fact]
    public async Task Connection_requests_and_acceptance_notify_both_users()
    {
        var (low, high) = (TestUsers.NewId(), TestUsers.NewId());
        var lowEvents = await SubscribeAsync(low);
        var highEvents = await SubscribeAsync(high);

        await fixture.Grains.User(high).RequestConnectionAsync(low);
        Assert.Equal(ConnectionStatus.ConnectionRequestReceived, await fixture.Grains.User(low).GetConnectionStatusAsync(high));
        await fixture.Grains.User(low).AcceptConnectionAsync(high);
        Assert.Equal(ConnectionStatus.Connected, await fixture.Grains.User(high).GetConnectionStatusAsync(low));
        await fixture.Grains.User(high).RemoveConnectionAsync(low);

        var expected = new[] { GraphChangeKind.ConnectionRequested, GraphChangeKind.ConnectionAccepted, GraphChangeKind.ConnectionRemoved };
        Assert.Equal(expected, (await lowEvents.WaitForAsync(3)).Select(e => e.Kind));
        Assert.Equal(expected, (await highEvents.WaitForAsync(3)).Select(e => e.Kind));
        Assert.Equal(ConnectionStatus.ConnectionRequestReceived, (await lowEvents.WaitForAsync(3))[0].Connection);
    }

    [Fact]
    public async Task A_block_is_an_event_on_both_sides_followed_by_what_it_ended()
    {
        var (blocker, blocked) = (TestUsers.NewId(), TestUsers.NewId());
        await fixture.Grains.User(blocker).FollowAsync(blocked);
        await fixture.Grains.User(blocked).FollowAsync(blocker);
        var blockerSince = (await fixture.Grains.User(blocker).GetStatusesAsync([])).GraphVersion;
        var blockedSince = (await fixture.Grains.User(blocked).GetStatusesAsync([])).GraphVersion;
        var blockerEvents = await SubscribeAsync(blocker);
        var blockedEvents = await SubscribeAsync(blocked);

        await fixture.Grains.User(blocker).ChangeBlockAsync(blocked, EdgeChange.Add);
        await fixture.Grains.User(blocker).ChangeBlockAsync(blocked, EdgeChange.Remove);

        // The blocker's own write ends both follows at once; the blocked user's side learns the
        // block, drops its own follow, and later the unblock. A change still queued when the
        // subscription was made may be delivered too: only later versions count.
        await Eventually.HoldsAsync(
            async () => (await blockerEvents.WaitForAsync(0)).Count(e => e.GraphVersion > blockerSince) >= 4
                && (await blockedEvents.WaitForAsync(0)).Count(e => e.GraphVersion > blockedSince) >= 4,
            TimeSpan.FromSeconds(15),
            "4 events on each side");
        Assert.Equal(
            [GraphChangeKind.Blocked, GraphChangeKind.Unfollowed, GraphChangeKind.LostFollower, GraphChangeKind.Unblocked],
            (await blockerEvents.WaitForAsync(4)).Where(e => e.GraphVersion > blockerSince).Select(e => e.Kind));
        Assert.Equal(
            [GraphChangeKind.BlockedBy, GraphChangeKind.Unfollowed, GraphChangeKind.LostFollower, GraphChangeKind.UnblockedBy],
            (await blockedEvents.WaitForAsync(4)).Where(e => e.GraphVersion > blockedSince).Select(e => e.Kind));
    }

    [Fact]
    public async Task Events_carry_their_log_position_and_a_subscriber_that_was_down_catches_up_from_it()
    {
        var (me, b, c) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        var received = await SubscribeAsync(me);
        await fixture.Grains.User(me).FollowAsync(b);
        var seen = Assert.Single(await received.WaitForAsync(1));
        Assert.True(seen.Position > 0);

        // The subscriber goes down after handling the first event; these happen while it is away.
        await fixture.Grains.User(me).FollowAsync(c);
        await fixture.Grains.User(b).FollowAsync(me);
        await fixture.Grains.User(me).HideAsync(b);
        var caughtUp = await fixture.Grains.User(me).GetChangesSinceAsync(seen.Position, 10);

        Assert.Equal(
            [(GraphChangeKind.Followed, c), (GraphChangeKind.GainedFollower, b), (GraphChangeKind.Hid, b)],
            caughtUp.Changes.Select(l => (l.Change.Kind, l.Change.OtherUserId)));
        Assert.Equal(caughtUp.Changes[^1].Change.Position, caughtUp.NextPosition);
        // The log and the stream describe the same changes at the same positions.
        var streamed = await received.WaitForAsync(4);
        Assert.Equal(streamed.Skip(1).Select(e => (e.Position, e.Kind, e.GraphVersion)), caughtUp.Changes.Select(l => (l.Change.Position, l.Change.Kind, l.Change.GraphVersion)));
        Assert.Empty((await fixture.Grains.User(me).GetChangesSinceAsync(caughtUp.NextPosition, 10)).Changes);
        Assert.True(await fixture.Grains.User(me).GetChangePositionAsync() >= caughtUp.NextPosition);
    }

    private Task<ChangeInbox> SubscribeAsync(long userId) => ChangeInbox.SubscribeAsync(fixture.Cluster.Client, userId);
}
