using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Gateway;

internal static class CountersEndpoints
{
    public static void Map(RouteGroupBuilder user) =>
        user.MapGet("/{id}/counters/", (string id, IGrainFactory grains) =>
            TargetUser.With(id, async userId =>
            {
                var counters = await grains.GetGrain<IUserGraphGrain>(userId).GetCountersAsync();
                return Results.Json(new { followers = counters.Followers, followings = counters.Followings });
            }));
}
