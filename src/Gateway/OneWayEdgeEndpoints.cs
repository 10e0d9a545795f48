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
        user.MapPost($"/{{id}}/{edge.Verb}/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
            {
                var written = await edge.Change(Caller(http, grains), target, EdgeChange.Toggle);
                return MirrorPendingHeader.With(
                    http, written.MirrorPending, edge.ToggleAnswersState ? Results.Json(edge.State(written.Present)) : Results.NoContent());
            }))
            .Produces(edge.ToggleAnswersState ? StatusCodes.Status200OK : StatusCodes.Status204NoContent, edge.ToggleAnswersState ? edge.StateType : null)
            .WithDescription(edge.Description);
        user.MapPut($"/{{id}}/{edge.Verb}/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
            {
                var written = await edge.Change(Caller(http, grains), target, EdgeChange.Add);
                return MirrorPendingHeader.With(http, written.MirrorPending, Results.Json(edge.State(true)));
            }))
            .Produces(StatusCodes.Status200OK, edge.StateType)
            .WithDescription(edge.Description);
        user.MapDelete($"/{{id}}/{edge.Verb}/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
            {
                var written = await edge.Change(Caller(http, grains), target, EdgeChange.Remove);
                return MirrorPendingHeader.With(http, written.MirrorPending, Results.Json(edge.State(false)));
            }))
            .Produces(StatusCodes.Status200OK, edge.StateType)
            .WithDescription(edge.Description);
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
