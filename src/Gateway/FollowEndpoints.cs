using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Gateway;

/// <summary>Follow-mode endpoints: the legacy toggle, our idempotent PUT/DELETE, checks and lists.</summary>
internal static class FollowEndpoints
{
    public static void Map(RouteGroupBuilder user)
    {
        var follow = user.MapGroup("").AddEndpointFilter(new RequireModeFilter(CommunityMode.Follow));
        follow.MapPost("/{id}/follow/", ToggleAsync);
        follow.MapPut("/{id}/follow/", (string id, HttpContext http, IGrainFactory grains) => SetAsync(id, true, http, grains));
        follow.MapDelete("/{id}/follow/", (string id, HttpContext http, IGrainFactory grains) => SetAsync(id, false, http, grains));
        follow.MapGet("/{id}/is_followed/", IsFollowedAsync);
        follow.MapGet("/{id}/is_follower/", IsFollowerAsync);
        follow.MapGet("/{id}/followers/", FollowersAsync);
        follow.MapGet("/{id}/followings/", FollowingsAsync);
    }

    private static async Task<IResult> ToggleAsync(string id, HttpContext http, IGrainFactory grains)
    {
        if (!UserIds.TryParse(id, out var target))
        {
            return ApiProblems.InvalidUserId(id);
        }

        await Caller(http, grains).ToggleFollowAsync(target);
        return Results.NoContent();
    }

    private static async Task<IResult> SetAsync(string id, bool follow, HttpContext http, IGrainFactory grains)
    {
        if (!UserIds.TryParse(id, out var target))
        {
            return ApiProblems.InvalidUserId(id);
        }

        var caller = Caller(http, grains);
        _ = follow ? await caller.FollowAsync(target) : await caller.UnfollowAsync(target);
        var status = follow ? ConnectionStatus.Followed : ConnectionStatus.None;
        return Results.Json(new { connection_status = ConnectionStatusNames.ToApiValue(status) });
    }

    private static async Task<IResult> IsFollowedAsync(string id, HttpContext http, IGrainFactory grains) =>
        UserIds.TryParse(id, out var target)
            ? Results.Json(new { is_followed = await Caller(http, grains).IsFollowingAsync(target) })
            : ApiProblems.InvalidUserId(id);

    private static async Task<IResult> IsFollowerAsync(string id, HttpContext http, IGrainFactory grains) =>
        UserIds.TryParse(id, out var target)
            ? Results.Json(new { is_follower = await Caller(http, grains).IsFollowedByAsync(target) })
            : ApiProblems.InvalidUserId(id);

    private static Task<IResult> FollowersAsync(string id, HttpContext http, IGrainFactory grains) =>
        ListAsync(id, http, grains, (user, page) => user.GetFollowersAsync(page.Mutual, page.Offset, page.Limit));

    private static Task<IResult> FollowingsAsync(string id, HttpContext http, IGrainFactory grains) =>
        ListAsync(id, http, grains, (user, page) => user.GetFollowingsAsync(page.Mutual, page.Offset, page.Limit));

    private static async Task<IResult> ListAsync(
        string id, HttpContext http, IGrainFactory grains, Func<IUserGraphGrain, PageRequest, Task<UserIdPage>> list)
    {
        if (!UserIds.TryParse(id, out var userId))
        {
            return ApiProblems.InvalidUserId(id);
        }

        var (page, problem) = PageRequest.From(http.Request, allowMutual: true);
        if (page is null)
        {
            return problem!;
        }

        var ids = await list(grains.GetGrain<IUserGraphGrain>(userId), page);
        return Results.Json(await UserItems.PageAsync(grains, http.Request, http.User.GetUserId(), page, ids));
    }

    private static IUserGraphGrain Caller(HttpContext http, IGrainFactory grains) =>
        grains.GetGrain<IUserGraphGrain>(http.User.GetUserId());
}
