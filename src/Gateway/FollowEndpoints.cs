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
        follow.MapPost("/{id}/follow/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
            {
                var written = await Caller(http, grains).ChangeFollowAsync(target, EdgeChange.Toggle);
                return MirrorPendingHeader.With(http, written.MirrorPending, Results.NoContent());
            }));
        follow.MapPut("/{id}/follow/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
            {
                var written = await Caller(http, grains).ChangeFollowAsync(target, EdgeChange.Add);
                return MirrorPendingHeader.With(http, written.MirrorPending, StatusResult(ConnectionStatus.Followed));
            }));
        follow.MapDelete("/{id}/follow/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
            {
                var written = await Caller(http, grains).ChangeFollowAsync(target, EdgeChange.Remove);
                return MirrorPendingHeader.With(http, written.MirrorPending, StatusResult(ConnectionStatus.None));
            }));
        follow.MapGet("/{id}/is_followed/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
                Results.Json(new { is_followed = await Caller(http, grains).IsFollowingAsync(target) })));
        follow.MapGet("/{id}/is_follower/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
                Results.Json(new { is_follower = await Caller(http, grains).IsFollowedByAsync(target) })));
        follow.MapGet("/{id}/followers/", (string id, HttpContext http, IGrainFactory grains) =>
            ListAsync(id, http, grains, allowMutual: true, (userId, page) => grains.UserGraph(userId).GetFollowersAsync(page.Mutual, page.Offset, page.Limit)));
        follow.MapGet("/{id}/followings/", (string id, HttpContext http, IGrainFactory grains) =>
            ListAsync(id, http, grains, allowMutual: true, (userId, page) => grains.UserGraph(userId).GetFollowingsAsync(page.Mutual, page.Offset, page.Limit)));
        follow.MapGet("/{id}/followers_you_know/", (string id, HttpContext http, IGrainFactory grains) =>
                ListAsync(id, http, grains, allowMutual: false, (userId, page) => Caller(http, grains).GetFollowersYouKnowAsync(userId, page.Offset, page.Limit)))
            .Produces<UserListResult>()
            .WithDescription("The users the caller follows who follow {id}, by id, paginated like followers, with the exact count. Costs the smaller of the caller's followings and {id}'s followers.");
    }

    private static IResult StatusResult(ConnectionStatus status) =>
        Results.Json(new { connection_status = ConnectionStatusNames.ToApiValue(status) });

    private static Task<IResult> ListAsync(
        string id, HttpContext http, IGrainFactory grains, bool allowMutual, Func<long, PageRequest, Task<UserIdPage>> list) =>
        TargetUser.With(id, async userId =>
        {
            var (page, problem) = PageRequest.From(http.Request, allowMutual);
            if (page is null)
            {
                return problem!;
            }

            var ids = await list(userId, page);
            return Results.Json(await UserItems.PageAsync(grains, http.Request, http.User.GetUserId(), page, ids));
        });

    private static IUserGraphGrain Caller(HttpContext http, IGrainFactory grains) =>
        grains.UserGraph(http.User.GetUserId());
}
