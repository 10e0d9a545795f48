using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Grains;

public class ConnectionTests(GraphClusterFixture fixture) : IClassFixture<GraphClusterFixture>
{
    [Fact]
    public async Task The_acting_user_reads_its_own_write_whichever_side_decides()
    {
        var (low, high) = (TestUsers.NewId(), TestUsers.NewId());

        Assert.Equal(ConnectionStatus.ConnectionRequestSent, await fixture.Grains.User(high).RequestConnectionAsync(low));
        Assert.Equal(ConnectionStatus.ConnectionRequestSent, await fixture.Grains.User(high).GetConnectionStatusAsync(low));
        Assert.Equal(ConnectionStatus.ConnectionRequestReceived, await fixture.Grains.User(low).GetConnectionStatusAsync(high));

        Assert.Equal(ConnectionStatus.Connected, await fixture.Grains.User(low).AcceptConnectionAsync(high));
        Assert.Equal(ConnectionStatus.Connected, (await fixture.Grains.User(low).GetStatusesAsync([high])).Statuses[0]);
        Assert.Equal(ConnectionStatus.Connected, (await fixture.Grains.User(high).GetStatusesAsync([low])).Statuses[0]);
    }

    [Fact]
    public async Task Requests_lists_show_times_and_hide_rejected_requests_from_the_receiver_only()
    {
        var (me, asker, other) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        var before = DateTime.UtcNow.AddSeconds(-1);
        await fixture.Grains.User(asker).RequestConnectionAsync(me);
        await fixture.Grains.User(other).RequestConnectionAsync(me);
        Assert.Equal(2, (await fixture.Grains.User(me).GetReceivedConnectionRequestsAsync(0, 10)).TotalCount);
        var senderVersion = (await fixture.Grains.User(other).GetStatusesAsync([me])).GraphVersion;

        await fixture.Grains.User(me).MarkConnectionRequestSeenAsync(asker);
        await fixture.Grains.User(me).RejectConnectionAsync(other);

        var received = await fixture.Grains.User(me).GetReceivedConnectionRequestsAsync(0, 10);
        var request = Assert.Single(received.Requests);
        Assert.Equal((asker, me), (request.FromUserId, request.ToUserId));
        Assert.True(request.Created > before && request.Viewed >= request.Created);
        Assert.Null(request.Rejected);
        // The sender is not told: its request is listed without the rejection, and (the sender
        // having the higher id, so holding a mirror, not the pair's record) its graph did not
        // even change: no new version, so no new ETag gives it away.
        var sent = Assert.Single((await fixture.Grains.User(other).GetSentConnectionRequestsAsync(0, 10)).Requests);
        Assert.Null(sent.Rejected);
        Assert.Equal(ConnectionStatus.ConnectionRequestSent, await fixture.Grains.User(other).GetConnectionStatusAsync(me));
        Assert.Equal(senderVersion, (await fixture.Grains.User(other).GetStatusesAsync([me])).GraphVersion);
        Assert.Equal(new GraphCounters(0, 0, 0, 0, 1), await fixture.Grains.User(me).GetCountersAsync());

        Assert.Equal(ConnectionStatus.ConnectionRequestReceived, await fixture.Grains.User(me).CancelConnectionRejectionAsync(other));
        Assert.Equal(2, (await fixture.Grains.User(me).GetReceivedConnectionRequestsAsync(0, 10)).TotalCount);
    }

    [Fact]
    public async Task Connections_are_listed_and_removal_clears_both_sides()
    {
        var me = TestUsers.NewId();
        var friends = Enumerable.Range(0, 3).Select(_ => TestUsers.NewId()).ToArray();
        foreach (var friend in friends)
        {
            await fixture.Grains.User(friend).RequestConnectionAsync(me);
            await fixture.Grains.User(me).AcceptConnectionAsync(friend);
        }

        Assert.Equal(1, (await fixture.Grains.User(friends[2]).GetConnectionsAsync(0, 10)).TotalCount);
        Assert.Equal(friends.Order(), (await fixture.Grains.User(me).GetConnectionsAsync(0, 10)).UserIds);

        Assert.Equal(ConnectionStatus.None, await fixture.Grains.User(friends[0]).RemoveConnectionAsync(me));
        Assert.Equal(ConnectionStatus.None, await fixture.Grains.User(me).GetConnectionStatusAsync(friends[0]));
        Assert.Equal(2, (await fixture.Grains.User(me).GetCountersAsync()).Connections);
        await Assert.ThrowsAsync<GraphRuleException>(() => fixture.Grains.User(friends[0]).RemoveConnectionAsync(me));
        await Assert.ThrowsAsync<GraphRuleException>(() => fixture.Grains.User(me).RequestConnectionAsync(me));
    }
}
