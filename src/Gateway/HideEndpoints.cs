using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Gateway;

/// <summary>Hiding, in both community modes: toggle, idempotent PUT/DELETE, checks and lists.</summary>
internal static class HideEndpoints
{
    public static void Map(RouteGroupBuilder user)
    {
        user.MapPost("/{id}/hide/", ToggleAsync);
        user.MapPut("/{id}/hide/", (string id, HttpContext http, IGrainFactory grains) => SetAsync(id, true, http, grains));
        user.MapDelete("/{id}/hide/", (string id, HttpContext http, IGrainFactory grains) => SetAsync(id, false, http, grains));
        user.MapGet("/{id}/is_hidden/", IsHiddenAsync);
        user.MapGet("/{id}/is_hidden_by/", IsHiddenByAsync);
        user.MapGet("/hidden_users/", HiddenUsersAsync);
        user.MapGet("/hidden_users_id/", HiddenUserIdsAsync);
    }

    private static async Task<IResult> ToggleAsync(string id, HttpContext http, IGrainFactory grains)
    {
        if (!UserIds.TryParse(id, out var target))
        {
            return ApiProblems.InvalidUserId(id);
        }

        await Caller(http, grains).ToggleHideAsync(target);
        return Results.NoContent();
    }

    private static async Task<IResult> SetAsync(string id, bool hide, HttpContext http, IGrainFactory grains)
    {
        if (!UserIds.TryParse(id, out var target))
        {
            return ApiProblems.InvalidUserId(id);
        }

        var caller = Caller(http, grains);
        _ = hide ? await caller.HideAsync(target) : await caller.UnhideAsync(target);
        return Results.Json(new { is_hidden = hide });
    }

    private static async Task<IResult> IsHiddenAsync(string id, HttpContext http, IGrainFactory grains) =>
        UserIds.TryParse(id, out var target)
            ? Results.Json(new { is_hidden = await Caller(http, grains).IsHidingAsync(target) })
            : ApiProblems.InvalidUserId(id);

    private static async Task<IResult> IsHiddenByAsync(string id, HttpContext http, IGrainFactory grains) =>
        UserIds.TryParse(id, out var target)
            ? Results.Json(new { is_hidden_by = await Caller(http, grains).IsHiddenByAsync(target) })
            : ApiProblems.InvalidUserId(id);

    private static async Task<IResult> HiddenUsersAsync(HttpContext http, IGrainFactory grains)
    {
        var (page, problem) = PageRequest.From(http.Request, allowMutual: false);
        if (page is null)
        {
            return problem!;
        }

        var ids = await Caller(http, grains).GetHiddenAsync(page.Offset, page.Limit);
        return Results.Json(await UserItems.PageAsync(grains, http.Request, http.User.GetUserId(), page, ids));
    }

    private static async Task<IResult> HiddenUserIdsAsync(HttpContext http, IGrainFactory grains)
    {
        var ids = await Caller(http, grains).GetHiddenAsync(0, int.MaxValue);
        return Results.Json(ids.UserIds);
    }

    private static IUserGraphGrain Caller(HttpContext http, IGrainFactory grains) =>
        grains.GetGrain<IUserGraphGrain>(http.User.GetUserId());
}
