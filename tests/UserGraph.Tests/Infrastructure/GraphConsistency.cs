using UserGraph.Grains.Interfaces;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// The invariant the delivery protocol promises once it has settled: every forward edge has
/// exactly its reverse edge (no lost edge, no phantom edge), counters equal the lists, and no
/// follow stands beside a block.
/// </summary>
public static class GraphConsistency
{
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IGrainFactory grains, IEnumerable<long> users)
    {
        var violations = new List<string>();
        foreach (var user in users.Distinct())
        {
            var grain = grains.GetGrain<IUserGraphGrain>(user);
            var followings = (await grain.GetFollowingsAsync(MutualFilter.Any, 0, int.MaxValue)).UserIds;
            var followers = (await grain.GetFollowersAsync(MutualFilter.Any, 0, int.MaxValue)).UserIds;
            var counters = await grain.GetCountersAsync();
            if (counters.Followers != followers.Length || counters.Followings != followings.Length)
            {
                violations.Add($"{user}: counters {counters} but lists of {followers.Length} followers and {followings.Length} followings");
            }

            foreach (var followee in followings)
            {
                if (!await grains.GetGrain<IUserGraphGrain>(followee).IsFollowedByAsync(user))
                {
                    violations.Add($"lost edge: {user} follows {followee}, who does not list them");
                }
            }

            foreach (var follower in followers)
            {
                if (!await grains.GetGrain<IUserGraphGrain>(follower).IsFollowingAsync(user))
                {
                    violations.Add($"phantom edge: {user} lists follower {follower}, who does not follow them");
                }
            }

            foreach (var blocked in (await grain.GetBlockedAsync(0, int.MaxValue)).UserIds)
            {
                if (!await grains.GetGrain<IUserGraphGrain>(blocked).IsBlockedByAsync(user))
                {
                    violations.Add($"lost block: {user} blocks {blocked}, who does not know it");
                }

                if (followings.Contains(blocked) || followers.Contains(blocked))
                {
                    violations.Add($"follow beside a block: {user} blocks {blocked}");
                }
            }

            foreach (var hidden in (await grain.GetHiddenAsync(0, int.MaxValue)).UserIds)
            {
                if (!await grains.GetGrain<IUserGraphGrain>(hidden).IsHiddenByAsync(user))
                {
                    violations.Add($"lost hide: {user} hides {hidden}, who does not know it");
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// Asserts that <paramref name="users"/> are consistent now: what every acknowledged write in
    /// normal operation promises, with no waiting.
    /// </summary>
    public static async Task AssertConsistentAsync(IGrainFactory grains, IEnumerable<long> users) =>
        Assert.Empty(await ViolationsAsync(grains, users));

    /// <summary>Waits until <paramref name="users"/> are consistent (after a fault); returns how long it took.</summary>
    public static Task<TimeSpan> ConvergesAsync(IGrainFactory grains, IEnumerable<long> users, TimeSpan? timeout = null)
    {
        var all = users.ToArray();
        IReadOnlyList<string> last = [];
        return Eventually.HoldsAsync(
            async () => (last = await ViolationsAsync(grains, all)).Count == 0,
            timeout ?? TimeSpan.FromSeconds(20),
            "graph consistency; last violations: " + string.Join("; ", last.Take(5)));
    }
}
