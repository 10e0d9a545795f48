using UserGraph.Grains.Interfaces;
using UserGraph.Samples.ChatPolicy;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Consistency;

/// <summary>
/// What a client does: write, then at once read from the other side, on a three-silo cluster,
/// hundreds of times in parallel batches. Not one read may miss the write.
/// </summary>
[Collection(BurstCollection.Name)]
public class ReadYourWritesTests(ThreeSiloClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ThreeSiloClusterFixture>
{
    private const int Pairs = 300;
    private const int Batch = 30;

    private static (long A, long B)[] NewPairs(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (TestUsers.NewId(), TestUsers.NewId()))];

    private static async Task InBatchesAsync<T>(IEnumerable<T> items, Func<T, Task> act)
    {
        foreach (var chunk in items.Chunk(Batch))
        {
            await Task.WhenAll(chunk.Select(act));
        }
    }

    /// <summary>How many of the pairs' two grains are active on different silos (the reads crossed silos).</summary>
    private async Task<int> CrossSiloPairsAsync(IEnumerable<(long A, long B)> pairs)
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var crossing = 0;
        foreach (var (a, b) in pairs)
        {
            var (siloA, siloB) = (await management.GetActivationAddress(fixture.Grains.User(a)), await management.GetActivationAddress(fixture.Grains.User(b)));
            crossing += siloA is not null && siloB is not null && !siloA.Equals(siloB) ? 1 : 0;
        }

        return crossing;
    }

    [Fact]
    public async Task Follows_unfollows_and_hides_are_seen_by_the_other_user_at_once()
    {
        var pairs = NewPairs(Pairs);
        var reads = new StaleReads();
        var pending = 0;

        await InBatchesAsync(pairs, async pair =>
        {
            var (a, b) = pair;
            var followed = await fixture.Grains.User(a).ChangeFollowAsync(b, EdgeChange.Add);
            Interlocked.Add(ref pending, followed.MirrorPending ? 1 : 0);
            var (isFollowedBy, counters, followers, relationship) = (
                await fixture.Grains.User(b).IsFollowedByAsync(a),
                await fixture.Grains.User(b).GetCountersAsync(),
                await fixture.Grains.User(b).GetFollowersAsync(MutualFilter.Any, 0, 10),
                await fixture.Grains.User(b).GetRelationshipAsync(a));
            reads.Check(isFollowedBy, $"{b} is_follower {a} after the follow");
            reads.Check(counters.Followers == 1, $"{b} counters after the follow: {counters}");
            reads.Check(followers.UserIds.SequenceEqual([a]), $"{b} followers after the follow");
            reads.Check(relationship.FollowedBy, $"{b} relationship with {a} after the follow");

            var toggled = await fixture.Grains.User(a).ChangeFollowAsync(b, EdgeChange.Toggle);
            Interlocked.Add(ref pending, toggled.MirrorPending ? 1 : 0);
            reads.Check(!await fixture.Grains.User(b).IsFollowedByAsync(a), $"{b} is_follower {a} after the unfollow");
            reads.Check((await fixture.Grains.User(b).GetCountersAsync()).Followers == 0, $"{b} counters after the unfollow");

            var hidden = await fixture.Grains.User(a).ChangeHideAsync(b, EdgeChange.Add);
            Interlocked.Add(ref pending, hidden.MirrorPending ? 1 : 0);
            reads.Check(await fixture.Grains.User(b).IsHiddenByAsync(a), $"{b} is_hidden_by {a} after the hide");
            reads.Check((await fixture.Grains.User(b).GetRelationshipAsync(a)).HiddenBy, $"{b} relationship with {a} after the hide");
        });

        var crossing = await CrossSiloPairsAsync(pairs);
        output.WriteLine($"follow mode: {reads.Stale.Count} stale of {reads.Reads} reads, {crossing} of {Pairs} pairs across silos");
        reads.AssertNone();
        Assert.Equal(0, pending);
        Assert.True(crossing > Pairs / 3, $"only {crossing} pairs crossed silos");
    }

    [Fact]
    public async Task Every_connection_action_is_seen_by_the_other_user_at_once_whoever_owns_the_pair()
    {
        // In half of the pairs the lower id acts first (the owner), in the other half the higher id.
        var pairs = NewPairs(Pairs).Select((pair, i) => i % 2 == 0 ? pair : (pair.B, pair.A)).ToArray();
        var reads = new StaleReads();
        var pending = 0;

        async Task<ConnectionStatus> ActAsync(long actor, long other, ConnectionAction action)
        {
            var result = await fixture.Grains.User(actor).ActOnConnectionAsync(other, action);
            Interlocked.Add(ref pending, result.MirrorPending ? 1 : 0);
            return result.Status;
        }

        await InBatchesAsync(pairs, async pair =>
        {
            var (asker, asked) = pair;
            await ActAsync(asker, asked, ConnectionAction.Request);
            reads.Check(await fixture.Grains.User(asked).GetConnectionStatusAsync(asker) == ConnectionStatus.ConnectionRequestReceived, $"{asked} status after the request");
            reads.Check((await fixture.Grains.User(asked).GetReceivedConnectionRequestsAsync(0, 10)).Requests.SingleOrDefault()?.FromUserId == asker, $"{asked} received list");
            reads.Check((await fixture.Grains.User(asked).GetCountersAsync()).ConnectionRequestsReceived == 1, $"{asked} counters after the request");
            reads.Check(await fixture.Grains.User(asker).GetConnectionStatusAsync(asked) == ConnectionStatus.ConnectionRequestSent, $"{asker} own status after the request");

            await ActAsync(asked, asker, ConnectionAction.Accept);
            reads.Check(await fixture.Grains.User(asker).GetConnectionStatusAsync(asked) == ConnectionStatus.Connected, $"{asker} status after the accept");
            reads.Check((await fixture.Grains.User(asker).GetConnectionsAsync(0, 10)).UserIds.SequenceEqual([asked]), $"{asker} connections after the accept");
            reads.Check((await fixture.Grains.User(asker).GetStatusesAsync([asked])).Statuses[0] == ConnectionStatus.Connected, $"{asker} statuses after the accept");

            await ActAsync(asker, asked, ConnectionAction.Remove);
            reads.Check(await fixture.Grains.User(asked).GetConnectionStatusAsync(asker) == ConnectionStatus.None, $"{asked} status after the removal");
            reads.Check((await fixture.Grains.User(asked).GetCountersAsync()).Connections == 0, $"{asked} counters after the removal");
        });

        var crossing = await CrossSiloPairsAsync(pairs);
        output.WriteLine($"connection mode: {reads.Stale.Count} stale of {reads.Reads} reads, {crossing} of {Pairs} pairs across silos");
        reads.AssertNone();
        Assert.Equal(0, pending);
    }

    [Fact]
    public async Task A_co_hosted_chat_service_sees_a_follow_back_at_once()
    {
        var pairs = NewPairs(100);
        var reads = new StaleReads();

        await InBatchesAsync(pairs, async pair =>
        {
            var (a, b) = pair;
            await fixture.Grains.User(a).FollowAsync(b);
            reads.Check(!await fixture.Grains.GetGrain<IChatPolicyGrain>(b).CanMessageAsync(a), $"{b} may message {a} before the follow back");
            await fixture.Grains.User(b).FollowAsync(a);
            reads.Check(await fixture.Grains.GetGrain<IChatPolicyGrain>(a).CanMessageAsync(b), $"{a} may message {b} after the follow back");
            await fixture.Grains.User(b).HideAsync(a);
            reads.Check(!await fixture.Grains.GetGrain<IChatPolicyGrain>(a).CanMessageAsync(b), $"{a} may not message {b} once hidden");
        });

        output.WriteLine($"chat policy: {reads.Stale.Count} stale of {reads.Reads} reads");
        reads.AssertNone();
    }

    [Fact]
    public async Task An_erasure_is_seen_by_every_peer_at_once()
    {
        var erased = TestUsers.NewId();
        var followers = Enumerable.Range(0, 20).Select(_ => TestUsers.NewId()).ToArray();
        var followings = Enumerable.Range(0, 20).Select(_ => TestUsers.NewId()).ToArray();
        await Task.WhenAll(followers.Select(f => fixture.Grains.User(f).FollowAsync(erased)));
        await Task.WhenAll(followings.Select(f => fixture.Grains.User(erased).FollowAsync(f)));

        await fixture.Grains.GetGrain<IGraphMaintenanceGrain>(0).EraseUserAsync(erased);

        foreach (var follower in followers)
        {
            Assert.False(await fixture.Grains.User(follower).IsFollowingAsync(erased));
            Assert.Equal(0, (await fixture.Grains.User(follower).GetCountersAsync()).Followings);
        }

        foreach (var following in followings)
        {
            Assert.False(await fixture.Grains.User(following).IsFollowedByAsync(erased));
            Assert.Equal(0, (await fixture.Grains.User(following).GetCountersAsync()).Followers);
        }

        Assert.Equal(new GraphCounters(0, 0), await fixture.Grains.User(erased).GetCountersAsync());
    }
}
