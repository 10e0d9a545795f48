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
        user.MapPost("/{id}/hide/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
            {
                var written = await Caller(http, grains).ChangeHideAsync(target, EdgeChange.Toggle);
                return MirrorPendingHeader.With(http, written.MirrorPending, Results.NoContent());
            }));
        user.MapPut("/{id}/hide/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
            {
                var written = await Caller(http, grains).ChangeHideAsync(target, EdgeChange.Add);
                return MirrorPendingHeader.With(http, written.MirrorPending, Results.Json(new { is_hidden = true }));
            }));
        user.MapDelete("/{id}/hide/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
            {
                var written = await Caller(http, grains).ChangeHideAsync(target, EdgeChange.Remove);
                return MirrorPendingHeader.With(http, written.MirrorPending, Results.Json(new { is_hidden = false }));
            }));
        user.MapGet("/{id}/is_hidden/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
                Results.Json(new { is_hidden = await Caller(http, grains).IsHidingAsync(target) })));
        user.MapGet("/{id}/is_hidden_by/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
                Results.Json(new { is_hidden_by = await Caller(http, grains).IsHiddenByAsync(target) })));
        user.MapGet("/hidden_users/", HiddenUsersAsync);
        user.MapGet("/hidden_users_id/", async (HttpContext http, IGrainFactory grains) =>
            Results.Json((await Caller(http, grains).GetHiddenAsync(0, int.MaxValue)).UserIds));
    }

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

    private static IUserGraphGrain Caller(HttpContext http, IGrainFactory grains) =>
        grains.UserGraph(http.User.GetUserId());
}
