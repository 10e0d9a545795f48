namespace UserGraph.Gateway;

/// <summary>
/// A one-way edge in both community modes (hiding, blocking): toggle, idempotent PUT/DELETE,
/// both checks and the lists, as <see cref="OneWayEdgeRoutes"/> names them.
/// </summary>
internal static class OneWayEdgeEndpoints
{
    public static void Map<TState, TStateBy>(RouteGroupBuilder user, OneWayEdgeRoutes<TState, TStateBy> edge)
    {
        var route = $"/{{id}}/{edge.Verb}/";
        if (edge.ToggleAnswersState)
        {
            MapStateWrite(user, HttpMethods.Post, edge, EdgeChange.Toggle);
        }
        else
        {
            user.MapPost(route, async Task<NoContent> (UserId id, Caller caller, HttpContext http) =>
                {
                    var written = await edge.Change(caller.Graph, id.Value, EdgeChange.Toggle);
                    return MirrorPendingHeader.With(http, written.MirrorPending, TypedResults.NoContent());
                })
                .WithDescription(edge.Description);
        }

        MapStateWrite(user, HttpMethods.Put, edge, EdgeChange.Add);
        MapStateWrite(user, HttpMethods.Delete, edge, EdgeChange.Remove);
        user.MapGet($"/{{id}}/{edge.IsRoute}/", async Task<Ok<TState>> (UserId id, Caller caller) =>
            TypedResults.Ok(edge.State(await edge.Holds(caller.Graph, id.Value))));
        user.MapGet($"/{{id}}/{edge.IsByRoute}/", async Task<Ok<TStateBy>> (UserId id, Caller caller) =>
            TypedResults.Ok(edge.StateBy(await edge.HeldBy(caller.Graph, id.Value))));
        user.MapGet($"/{edge.ListName}/", async Task<Results<Ok<PageAnswer<UserItem>>, ProblemHttpResult>> (Caller caller, HttpContext http, IGrainFactory grains) =>
        {
            var (page, problem) = PageRequest.From(http.Request, allowMutual: false);
            if (page is null)
            {
                return problem!;
            }

            var ids = await edge.List(caller.Graph, page.Offset, page.Limit);
            return TypedResults.Ok(await UserItems.PageAsync(grains, http.Request, caller.Id, page, ids));
        });
        user.MapGet($"/{edge.ListName}_id/", async Task<Ok<long[]>> (Caller caller) =>
            TypedResults.Ok((await edge.List(caller.Graph, 0, int.MaxValue)).UserIds));
    }

    /// <summary>A write route that answers the caller's state toward the user afterwards.</summary>
    private static void MapStateWrite<TState, TStateBy>(RouteGroupBuilder user, string method, OneWayEdgeRoutes<TState, TStateBy> edge, EdgeChange change) =>
        user.MapMethods($"/{{id}}/{edge.Verb}/", [method], async Task<Ok<TState>> (UserId id, Caller caller, HttpContext http) =>
            {
                var written = await edge.Change(caller.Graph, id.Value, change);
                return MirrorPendingHeader.With(http, written.MirrorPending, TypedResults.Ok(edge.State(written.Present)));
            })
            .WithDescription(edge.Description);
}
