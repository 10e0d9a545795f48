namespace UserGraph.Gateway;

/// <summary>
/// A one-way edge in both community modes (hiding, blocking): toggle, idempotent PUT/DELETE,
/// both checks and the lists, as <see cref="OneWayEdgeRoutes"/> names them.
/// </summary>
/// <remarks>
/// The answers' types differ per edge (<c>is_hidden</c>, <c>is_blocked</c>...), so those endpoints
/// declare them from <see cref="OneWayEdgeRoutes"/> rather than through their return type.
/// </remarks>
internal static class OneWayEdgeEndpoints
{
    public static void Map(RouteGroupBuilder user, OneWayEdgeRoutes edge)
    {
        var toggleAnswers = edge.ToggleAnswersState;
        MapWrite(user, HttpMethods.Post, edge, EdgeChange.Toggle, toggleAnswers ? StatusCodes.Status200OK : StatusCodes.Status204NoContent, toggleAnswers);
        MapWrite(user, HttpMethods.Put, edge, EdgeChange.Add, StatusCodes.Status200OK, answersState: true);
        MapWrite(user, HttpMethods.Delete, edge, EdgeChange.Remove, StatusCodes.Status200OK, answersState: true);
        user.MapGet($"/{{id}}/{edge.IsRoute}/", async (UserId id, Caller caller) =>
            Results.Json(edge.State(await edge.Holds(caller.Graph, id.Value))))
            .Produces(StatusCodes.Status200OK, edge.StateType);
        user.MapGet($"/{{id}}/{edge.IsByRoute}/", async (UserId id, Caller caller) =>
            Results.Json(edge.StateBy(await edge.HeldBy(caller.Graph, id.Value))))
            .Produces(StatusCodes.Status200OK, edge.StateByType);
        user.MapGet($"/{edge.ListName}/", (Caller caller, HttpContext http, IGrainFactory grains) => ListAsync(caller, http, grains, edge));
        user.MapGet($"/{edge.ListName}_id/", async Task<Ok<long[]>> (Caller caller) =>
            TypedResults.Ok((await edge.List(caller.Graph, 0, int.MaxValue)).UserIds));
    }

    /// <summary>A write route: answers the caller's state toward the user afterwards, or 204 (the reference's toggle).</summary>
    private static void MapWrite(RouteGroupBuilder user, string method, OneWayEdgeRoutes edge, EdgeChange change, int status, bool answersState) =>
        user.MapMethods($"/{{id}}/{edge.Verb}/", [method], async (UserId id, Caller caller, HttpContext http) =>
            {
                var written = await edge.Change(caller.Graph, id.Value, change);
                return MirrorPendingHeader.With(http, written.MirrorPending, answersState ? Results.Json(edge.State(written.Present)) : Results.NoContent());
            })
            .Produces(status, answersState ? edge.StateType : null)
            .WithDescription(edge.Description);

    private static async Task<Results<Ok<PageAnswer<UserItem>>, ProblemHttpResult>> ListAsync(Caller caller, HttpContext http, IGrainFactory grains, OneWayEdgeRoutes edge)
    {
        var (page, problem) = PageRequest.From(http.Request, allowMutual: false);
        if (page is null)
        {
            return problem!;
        }

        var ids = await edge.List(caller.Graph, page.Offset, page.Limit);
        return TypedResults.Ok(await UserItems.PageAsync(grains, http.Request, caller.Id, page, ids));
    }
}
