using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace UserGraph.Gateway;

internal static class CountersEndpoints
{
    public static void Map(RouteGroupBuilder user) =>
        user.MapGet("/{id}/counters/", (string id, IGrainFactory grains, IOptions<CommunityOptions> community) =>
            TargetUser.With(id, async userId =>
            {
                var counters = await grains.UserGraph(userId).GetCountersAsync();
                return community.Value.Mode == CommunityMode.Follow
                    ? Results.Json(new { followers = counters.Followers, followings = counters.Followings })
                    : Results.Json(new
                    {
                        connections = counters.Connections,
                        connection_requests_sent = counters.ConnectionRequestsSent,
                        connection_requests_received = counters.ConnectionRequestsReceived,
                    });
            }));
}
