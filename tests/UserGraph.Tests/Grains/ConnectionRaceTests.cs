using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Grains;

/// <summary>
/// Both users acting on one connection at the same moment, many pairs at once, on a
/// multi-silo cluster: each race ends in one legal state that both users see.
/// </summary>
public class ConnectionRaceTests(GraphClusterFixture fixture) : IClassFixture<GraphClusterFixture>
{
    private const int Pairs = 25;

    [Fact]
    public async Task Cancel_racing_accept_ends_either_connected_or_nothing_for_both()
    {
        var outcomes = await RaceAsync(
            async (a, b) => await fixture.Grains.User(a).RequestConnectionAsync(b),
            (a, b) => fixture.Grains.User(a).CancelConnectionRequestAsync(b),
            (a, b) => fixture.Grains.User(b).AcceptConnectionAsync(a));

        foreach (var (a, b, cancelled, accepted) in outcomes)
        {
            Assert.True(cancelled ^ accepted, "exactly one of cancel and accept applies");
            var expected = accepted ? ConnectionStatus.Connected : ConnectionStatus.None;
            await AssertBothSeeAsync(a, b, expected, expected);
        }
    }

    [Fact]
    public async Task Requests_made_at_the_same_time_connect_both()
    {
        var outcomes = await RaceAsync(
            (_, _) => Task.CompletedTask,
            (a, b) => fixture.Grains.User(a).RequestConnectionAsync(b),
            (a, b) => fixture.Grains.User(b).RequestConnectionAsync(a));

        foreach (var (a, b, first, second) in outcomes)
        {
            Assert.True(first && second, "both requests apply: the second one accepts the first");
            await AssertBothSeeAsync(a, b, ConnectionStatus.Connected, ConnectionStatus.Connected);
        }
    }

    [Fact]
    public async Task Reject_racing_cancel_ends_with_nothing_for_both()
    {
        var outcomes = await RaceAsync(
            async (a, b) => await fixture.Grains.User(a).RequestConnectionAsync(b),
            (a, b) => fixture.Grains.User(a).CancelConnectionRequestAsync(b),
            (a, b) => fixture.Grains.User(b).RejectConnectionAsync(a));

        foreach (var (a, b, cancelled, _) in outcomes)
        {
            Assert.True(cancelled, "a cancel always applies: a rejected request can still be withdrawn");
            await AssertBothSeeAsync(a, b, ConnectionStatus.None, ConnectionStatus.None);
        }
    }

    /// <summary>
    /// Runs the two actions of every pair concurrently (pairs alternate which user has the
    /// lower id, so the authority is sometimes the first actor, sometimes the second).
    /// </summary>
    private async Task<List<(long A, long B, bool First, bool Second)>> RaceAsync(
        Func<long, long, Task> setUp, Func<long, long, Task> first, Func<long, long, Task> second)
    {
        var pairs = Enumerable.Range(0, Pairs)
            .Select(i =>
            {
                var (low, high) = (TestUsers.NewId(), TestUsers.NewId());
                return i % 2 == 0 ? (A: low, B: high) : (A: high, B: low);
            })
            .ToArray();
        await Task.WhenAll(pairs.Select(p => setUp(p.A, p.B)));

        var results = await Task.WhenAll(pairs.Select(async p =>
        {
            var outcomes = await Task.WhenAll(Applied(first(p.A, p.B)), Applied(second(p.A, p.B)));
            return (p.A, p.B, outcomes[0], outcomes[1]);
        }));
        return [.. results];
    }

    private static async Task<bool> Applied(Task action)
    {
        try
        {
            await action;
            return true;
        }
        catch (GraphRuleException)
        {
            return false;
        }
    }

    private async Task AssertBothSeeAsync(long a, long b, ConnectionStatus aSees, ConnectionStatus bSees)
    {
        // Once every racing action answered, both sides already agree: no waiting.
        Assert.Equal(aSees, await fixture.Grains.User(a).GetConnectionStatusAsync(b));
        Assert.Equal(bSees, await fixture.Grains.User(b).GetConnectionStatusAsync(a));
        var countersA = await fixture.Grains.User(a).GetCountersAsync();
        var countersB = await fixture.Grains.User(b).GetCountersAsync();
        Assert.Equal(aSees == ConnectionStatus.Connected ? 1 : 0, countersA.Connections);
        Assert.Equal(countersA.Connections, countersB.Connections);
    }
}
