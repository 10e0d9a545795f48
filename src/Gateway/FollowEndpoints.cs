namespace UserGraph.Gateway;

/// <summary>Follow-mode endpoints: the legacy toggle, our idempotent PUT/DELETE, checks and lists.</summary>
internal static class FollowEndpoints
{
    public static void Map(RouteGroupBuilder user)
    {
        var follow = user.MapGroup("").AddEndpointFilter(new RequireModeFilter(CommunityMode.Follow));
        follow.MapPost("/{id}/follow/", async Task<NoContent> (UserId id, Caller caller, HttpContext http) =>
        {
            var written = await caller.Graph.ChangeFollowAsync(id.Value, EdgeChange.Toggle);
            return MirrorPendingHeader.With(http, written.MirrorPending, TypedResults.NoContent());
        });
        follow.MapPut("/{id}/follow/", (UserId id, Caller caller, HttpContext http) =>
            WriteAsync(id, caller, http, EdgeChange.Add, ConnectionStatus.Followed));
        follow.MapDelete("/{id}/follow/", (UserId id, Caller caller, HttpContext http) =>
            WriteAsync(id, caller, http, EdgeChange.Remove, ConnectionStatus.None));
        follow.MapGet("/{id}/is_followed/", async Task<Ok<FollowedAnswer>> (UserId id, Caller caller) =>
            TypedResults.Ok(new FollowedAnswer(await caller.Graph.IsFollowingAsync(id.Value))));
        follow.MapGet("/{id}/is_follower/", async Task<Ok<FollowerAnswer>> (UserId id, Caller caller) =>
            TypedResults.Ok(new FollowerAnswer(await caller.Graph.IsFollowedByAsync(id.Value))));
        follow.MapGet("/{id}/followers/", (UserId id, Caller caller, HttpContext http, IGrainFactory grains) =>
            ListAsync(caller, http, grains, allowMutual: true, page => grains.UserGraph(id.Value).GetFollowersAsync(page.Mutual, page.Offset, page.Limit)));
        follow.MapGet("/{id}/followings/", (UserId id, Caller caller, HttpContext http, IGrainFactory grains) =>
            ListAsync(caller, http, grains, allowMutual: true, page => grains.UserGraph(id.Value).GetFollowingsAsync(page.Mutual, page.Offset, page.Limit)));
        follow.MapGet("/{id}/followers_you_know/", (UserId id, Caller caller, HttpContext http, IGrainFactory grains) =>
                ListAsync(caller, http, grains, allowMutual: false, page => caller.Graph.GetFollowersYouKnowAsync(id.Value, page.Offset, page.Limit)))
            .WithDescription("The users the caller follows who follow {id}, by id, paginated like followers, with the exact count. Costs the smaller of the caller's followings and {id}'s followers.");
    }

    private static async Task<Ok<ConnectionStatusAnswer>> WriteAsync(UserId id, Caller caller, HttpContext http, EdgeChange change, ConnectionStatus after)
    {
        var written = await caller.Graph.ChangeFollowAsync(id.Value, change);
        return MirrorPendingHeader.With(http, written.MirrorPending, TypedResults.Ok(ConnectionStatusAnswer.Of(after)));
    }

    private static async Task<Results<Ok<PageAnswer<UserItem>>, ProblemHttpResult>> ListAsync(
        Caller caller, HttpContext http, IGrainFactory grains, bool allowMutual, Func<PageRequest, Task<UserIdPage>> list)
    {
        var (page, problem) = PageRequest.From(http.Request, allowMutual);
        if (page is null)
        {
            return problem!;
        }

        return TypedResults.Ok(await UserItems.PageAsync(grains, http.Request, caller.Id, page, await list(page)));
    }
}
