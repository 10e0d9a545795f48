using Npgsql;
using UserGraph.Grains.Interfaces;
using UserGraph.Silo;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Grains;

/// <summary>
/// A user's changes go to its change stream only while someone subscribes to it: a stream nobody
/// reads gets no pub-sub grain and no stored pub-sub row, and a subscriber still gets every change
/// stored after its subscription returned. (A subscription made while the user's grain is active
/// and has already found no subscribers is covered by GraphChangeEventsTests' late subscriber.)
/// </summary>
public class ChangeStreamSubscribersTests(GraphClusterFixture fixture) : IClassFixture<GraphClusterFixture>
{
    [Fact]
    public async Task Users_nobody_subscribed_to_write_without_pub_sub_state_while_a_subscribed_user_gets_its_events()
    {
        var (quiet, watched, other) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        var events = await SubscribeAsync(watched);
        Assert.True(await ListedAsync(watched));
        Assert.False(await ListedAsync(quiet));

        await fixture.Grains.User(quiet).FollowAsync(other);
        await fixture.Grains.User(watched).FollowAsync(other);
        await fixture.Grains.User(watched).HideAsync(quiet);

        Assert.Equal([GraphChangeKind.Followed, GraphChangeKind.Hid], (await events.WaitForAsync(2)).Select(e => e.Kind));
        // The pulling agent has handled the subscribed user's events; the others' would have been
        // in the same or the next read of the queues, and each would have stored a pub-sub row.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await PubSubRowsAsync(quiet));
        Assert.Equal(0, await PubSubRowsAsync(other));
        Assert.Equal(1, await PubSubRowsAsync(watched));
        Assert.False(await ListedAsync(other));
    }

    [Fact]
    public async Task The_last_unsubscribe_takes_the_user_off_the_list_and_a_new_subscriber_gets_events_again()
    {
        var (me, other) = (TestUsers.NewId(), TestUsers.NewId());
        var first = await SubscribeAsync(me);
        var second = await SubscribeAsync(me);
        await fixture.Grains.User(me).FollowAsync(other);
        Assert.Single(await first.WaitForAsync(1));
        Assert.Single(await second.WaitForAsync(1));

        await first.Subscription.UnsubscribeAsync();
        Assert.True(await ListedAsync(me));
        await second.Subscription.UnsubscribeAsync();
        Assert.False(await ListedAsync(me));
        await fixture.Grains.User(me).UnfollowAsync(other);

        var third = await SubscribeAsync(me);
        Assert.True(await ListedAsync(me));
        await fixture.Grains.User(me).HideAsync(other);
        Assert.Equal([GraphChangeKind.Hid], (await third.WaitForAsync(1)).Select(e => e.Kind));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal([GraphChangeKind.Followed], (await first.WaitForAsync(1)).Select(e => e.Kind));
    }

    private Task<ChangeInbox> SubscribeAsync(long userId) => ChangeInbox.SubscribeAsync(fixture.Cluster.Client, userId);

    private async Task<bool> ListedAsync(long userId) =>
        await CountAsync(
            "SELECT count(*) FROM graph_change_subscribers WHERE service_id = $1 AND user_id = $2",
            new NpgsqlParameter<long> { TypedValue = userId }) == 1;

    private Task<long> PubSubRowsAsync(long userId) =>
        CountAsync(
            "SELECT count(*) FROM grain_state WHERE service_id = $1 AND grain_type = 'PubSubRendezvousGrain' AND grain_id_extension = $2",
            new NpgsqlParameter<string> { TypedValue = ChangeStreamPubSubKey.For(userId) });

    private async Task<long> CountAsync(string sql, NpgsqlParameter parameter)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.GetConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = fixture.Cluster.Options.ServiceId }, parameter },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
