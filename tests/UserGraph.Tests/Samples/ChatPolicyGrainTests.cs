using UserGraph.Grains.Interfaces;
using UserGraph.Samples.ChatPolicy;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Samples;

/// <summary>The example co-hosted chat service, through real grains on a test cluster.</summary>
public class ChatPolicyGrainTests(GraphClusterFixture fixture) : IClassFixture<GraphClusterFixture>
{
    private IChatPolicyGrain Chat(long id) => fixture.Grains.GetGrain<IChatPolicyGrain>(id);

    [Fact]
    public async Task Only_mutual_follows_that_do_not_hide_each_other_may_message()
    {
        var (a, b, c) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        await fixture.Grains.User(a).FollowAsync(b);
        await fixture.Grains.User(b).FollowAsync(a);
        await fixture.Grains.User(a).FollowAsync(c);

        Assert.True(await Chat(a).CanMessageAsync(b));
        Assert.True(await Chat(b).CanMessageAsync(a));
        Assert.False(await Chat(a).CanMessageAsync(c));

        await fixture.Grains.User(b).HideAsync(a);
        Assert.False(await Chat(a).CanMessageAsync(b));
        Assert.False(await Chat(b).CanMessageAsync(a));
    }

    [Fact]
    public async Task A_block_either_way_stops_messages_and_the_room_check_names_the_pairs()
    {
        var (a, b, c) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        await fixture.Grains.User(a).FollowAsync(b);
        await fixture.Grains.User(b).FollowAsync(a);
        Assert.True(await Chat(a).CanMessageAsync(b));

        await fixture.Grains.User(b).ChangeBlockAsync(a, EdgeChange.Add);
        await fixture.Grains.User(c).HideAsync(a);

        Assert.False(await Chat(a).CanMessageAsync(b));
        Assert.False(await Chat(b).CanMessageAsync(a));
        Assert.Equal(
            [new RoomMessageBan(a, b), new RoomMessageBan(a, c), new RoomMessageBan(b, a), new RoomMessageBan(c, a)],
            (await Chat(a).GetRoomBansAsync([a, b, c])).OrderBy(ban => ban.SenderId).ThenBy(ban => ban.RecipientId));
        await Assert.ThrowsAsync<ArgumentException>(() => Chat(a).GetRoomBansAsync([b, c]));
    }

    [Fact]
    public async Task Graph_changes_open_and_close_conversations()
    {
        var (a, b) = (TestUsers.NewId(), TestUsers.NewId());
        await Chat(a).WatchAsync();

        await fixture.Grains.User(a).FollowAsync(b);
        await fixture.Grains.User(b).FollowAsync(a);
        await Eventually.HoldsAsync(async () => (await Chat(a).GetNoticesAsync()).Length == 1, "conversation opened");
        await fixture.Grains.User(b).HideAsync(a);
        await Eventually.HoldsAsync(async () => (await Chat(a).GetNoticesAsync()).Length == 2, "conversation closed");

        var notices = await Chat(a).GetNoticesAsync();
        Assert.Equal([(b, true), (b, false)], notices.Select(n => (n.OtherUserId, n.Allowed)));
        Assert.True(notices[0].GraphVersion < notices[1].GraphVersion);
    }

    [Fact]
    public async Task Changes_made_while_the_chat_was_closed_are_caught_up_when_it_opens()
    {
        var (a, b) = (TestUsers.NewId(), TestUsers.NewId());
        await Chat(a).WatchAsync();
        await Chat(a).UnwatchAsync();

        await fixture.Grains.User(a).FollowAsync(b);
        await fixture.Grains.User(b).FollowAsync(a);
        Assert.Empty(await Chat(a).GetNoticesAsync());

        await Chat(a).WatchAsync();
        Assert.Equal([(b, true)], (await Chat(a).GetNoticesAsync()).Select(n => (n.OtherUserId, n.Allowed)));
        await fixture.Grains.User(b).HideAsync(a);
        await Eventually.HoldsAsync(async () => (await Chat(a).GetNoticesAsync()).Length == 2, "conversation closed while watching");
        Assert.Equal([(b, true), (b, false)], (await Chat(a).GetNoticesAsync()).Select(n => (n.OtherUserId, n.Allowed)));
    }

    [Fact]
    public async Task A_restarted_chat_keeps_its_place_and_handles_each_change_once()
    {
        var (a, b) = (TestUsers.NewId(), TestUsers.NewId());
        await Chat(a).WatchAsync();
        await fixture.Grains.User(a).FollowAsync(b);
        await fixture.Grains.User(b).FollowAsync(a);
        await Eventually.HoldsAsync(async () => (await Chat(a).GetNoticesAsync()).Length == 1, "conversation opened");

        // Every idle activation goes, the chat's included (checked, or the live stream alone could
        // pass this); the next change's event activates it again from its stored place.
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var chat = Chat(a).GetGrainId();
        await management.ForceActivationCollection(TimeSpan.Zero);
        await Eventually.HoldsAsync(
            async () => !(await management.GetDetailedGrainStatistics()).Any(s => s.GrainId == chat), "the chat deactivated");
        await fixture.Grains.User(b).HideAsync(a);

        await Eventually.HoldsAsync(async () => (await Chat(a).GetNoticesAsync()).Length >= 2, "conversation closed after the restart");
        Assert.Equal([(b, true), (b, false)], (await Chat(a).GetNoticesAsync()).Select(n => (n.OtherUserId, n.Allowed)));
    }
}
