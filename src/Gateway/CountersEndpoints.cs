namespace UserGraph.Gateway;

internal static class CountersEndpoints
{
    public static void Map(RouteGroupBuilder user) =>
        user.MapGet("/{id}/counters/", async Task<Results<Ok<FollowCountersAnswer>, Ok<ConnectionCountersAnswer>>> (UserId id, IGrainFactory grains, IOptions<CommunityOptions> community) =>
        {
            var counters = await grains.UserGraph(id.Value).GetCountersAsync();
            return community.Value.Mode == CommunityMode.Follow
                ? TypedResults.Ok(new FollowCountersAnswer(counters.Followers, counters.Followings))
                : TypedResults.Ok(new ConnectionCountersAnswer(counters.Connections, counters.ConnectionRequestsSent, counters.ConnectionRequestsReceived));
        });
}
