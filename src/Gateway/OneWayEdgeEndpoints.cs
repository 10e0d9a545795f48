using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Gateway;

/// <summary>
/// A one-way edge in both community modes (hiding, blocking): toggle, idempotent PUT/DELETE,
/// both checks and the lists, as <see cref="OneWayEdgeRoutes"/> names them.
/// </summary>
internal static class OneWayEdgeEndpoints
{
    public static void Map(RouteGroupBuilder user, OneWayEdgeRoutes edge)
    {
        var toggleAnswers = edge.ToggleAnswersState;
        MapWrite(user, HttpMethods.Post, edge, EdgeChange.Toggle, toggleAnswers ? StatusCodes.Status200OK : StatusCodes.Status204NoContent, toggleAnswers);
        MapWrite(user, HttpMethods.Put, edge, EdgeChange.Add, StatusCodes.Status200OK, answersState: true);
        MapWrite(user, HttpMethods.Delete, edge, EdgeChange.Remove, StatusCodes.Status200OK, answersState: true);
        user.MapGet($"/{{id}}/{edge.IsRoute}/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target => Results.Json(edge.State(await edge.Holds(Caller(http, grains), target)))))
            .Produces(StatusCodes.Status200OK, edge.StateType);
        user.MapGet($"/{{id}}/{edge.IsByRoute}/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target => Results.Json(edge.StateBy(await edge.HeldBy(Caller(http, grains), target)))))
            .Produces(StatusCodes.Status200OK, edge.StateByType);
        user.MapGet($"/{edge.ListName}/", (HttpContext http, IGrainFactory grains) => ListAsync(http, grains, edge))
            .Produces<UserListResult>();
        user.MapGet($"/{edge.ListName}_id/", async (HttpContext http, IGrainFactory grains) =>
            Results.Json((await edge.List(Caller(http, grains), 0, int.MaxValue)).UserIds))
            .Produces<long[]>();
    }

    /// <summary>A write route: answers the caller's state toward the user afterwards, or 204 (the reference's toggle).</summary>
    private static void MapWrite(RouteGroupBuilder user, string method, OneWayEdgeRoutes edge, EdgeChange change, int status, bool answersState) =>
        user.MapMethods($"/{{id}}/{edge.Verb}/", [method], (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
            {
                var written = await edge.Change(Caller(http, grains), target, change);
                return MirrorPendingHeader.With(http, written.MirrorPending, answersState ? Results.Json(edge.State(written.Present)) : Results.NoContent());
            }))
            .Produces(status, answersState ? edge.StateType : null)
            .WithDescription(edge.Description);

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains, OneWayEdgeRoutes edge)
    {
        var (page, problem) = PageRequest.From(http.Request, allowMutual: false);
        if (page is null)
        {
            return problem!;
        }

        var ids = await edge.List(Caller(http, grains), page.Offset, page.Limit);
        return Results.Json(await UserItems.PageAsync(grains, http.Request, http.User.GetUserId(), page, ids));
    }

    private static IUserGraphGrain Caller(HttpContext http, IGrainFactory grains) =>
        grains.UserGraph(http.User.GetUserId());
}
