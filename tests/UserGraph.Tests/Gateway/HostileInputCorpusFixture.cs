using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>
/// The service the generated corpus is thrown at (rate limits out of the way, so that the cases
/// reach the endpoints), with a small known graph whose snapshot must never change.
/// </summary>
public sealed class HostileInputCorpusFixture : GatewayFixture, IAsyncLifetime
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Gateway:RateLimit:UserPermitsPerSecond", "1000000"),
        new("Gateway:RateLimit:UserBurst", "1000000"),
        new("Gateway:RateLimit:AddressPermitsPerSecond", "1000000"),
        new("Gateway:RateLimit:AddressBurst", "1000000"),
    ];

    /// <summary>The known graph: four users; 0 and 1 follow each other, 2 follows 0, 3 hides 1.</summary>
    public long[] Known { get; } = [TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId()];

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var grains = Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IUserGraphGrain>(Known[0]).FollowAsync(Known[1]);
        await grains.GetGrain<IUserGraphGrain>(Known[1]).FollowAsync(Known[0]);
        await grains.GetGrain<IUserGraphGrain>(Known[2]).FollowAsync(Known[0]);
        await grains.GetGrain<IUserGraphGrain>(Known[3]).HideAsync(Known[1]);
    }

    /// <summary>Everything the known users' grains say about each other, as one comparable text.</summary>
    public async Task<string> SnapshotAsync()
    {
        var grains = Services.GetRequiredService<IGrainFactory>();
        var parts = new List<object>();
        foreach (var user in Known)
        {
            var grain = grains.GetGrain<IUserGraphGrain>(user);
            parts.Add(await grain.GetRelationshipsAsync(Known));
            parts.Add(await grain.GetCountersAsync());
            parts.Add(await grain.GetFollowersAsync(MutualFilter.Any, 0, 100));
            parts.Add(await grain.GetFollowingsAsync(MutualFilter.Any, 0, 100));
            parts.Add(await grain.GetHiddenAsync(0, 100));
        }

        return JsonSerializer.Serialize(parts);
    }
}
