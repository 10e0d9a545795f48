using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Gateway;

/// <summary>Connection-mode endpoints: the request/accept state actions, checks and lists.</summary>
internal static class ConnectionEndpoints
{
    public static void Map(RouteGroupBuilder user)
    {
        var connection = user.MapGroup("").AddEndpointFilter(new RequireModeFilter(CommunityMode.Connection));
        MapAction(connection, "/{id}/connection/request/", ConnectionAction.Request);
        MapAction(connection, "/{id}/connection/cancel_request/", ConnectionAction.CancelRequest);
        MapAction(connection, "/{id}/connection/accept/", ConnectionAction.Accept);
        MapAction(connection, "/{id}/connection/reject/", ConnectionAction.Reject);
        MapAction(connection, "/{id}/connection/cancel_reject/", ConnectionAction.CancelRejection);
        MapAction(connection, "/{id}/connection/remove/", ConnectionAction.Remove);
        MapAction(connection, "/{id}/connection_requests/mark_seen/", ConnectionAction.MarkSeen);

        connection.MapGet("/{id}/connection_status/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
                StatusResult(await Caller(http, grains).GetConnectionStatusAsync(target))));
        connection.MapGet("/{id}/is_connection/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target => Results.Json(new
            {
                is_connection = await Caller(http, grains).GetConnectionStatusAsync(target) == ConnectionStatus.Connected,
            })));
        connection.MapGet("/{id}/connections/", (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async userId =>
            {
                var (page, problem) = PageRequest.From(http.Request, allowMutual: false);
                if (page is null)
                {
                    return problem!;
                }

                var ids = await grains.UserGraph(userId).GetConnectionsAsync(page.Offset, page.Limit);
                return Results.Json(await UserItems.PageAsync(grains, http.Request, http.User.GetUserId(), page, ids));
            }));
        connection.MapGet("/connection/requests/", (HttpContext http, IGrainFactory grains) =>
            RequestsAsync(http, grains, (grain, page) => grain.GetReceivedConnectionRequestsAsync(page.Offset, page.Limit)));
        connection.MapGet("/connection/requests_sent/", (HttpContext http, IGrainFactory grains) =>
            RequestsAsync(http, grains, (grain, page) => grain.GetSentConnectionRequestsAsync(page.Offset, page.Limit)));

        static async Task<IResult> RequestsAsync(
            HttpContext http, IGrainFactory grains, Func<IUserGraphGrain, PageRequest, Task<ConnectionRequestPage>> list)
        {
            var (page, problem) = PageRequest.From(http.Request, allowMutual: false);
            if (page is null)
            {
                return problem!;
            }

            var requests = await list(Caller(http, grains), page);
            return Results.Json(new
            {
                count = requests.TotalCount,
                next = page.NextLink(http.Request, requests.TotalCount),
                previous = page.PreviousLink(http.Request),
                results = requests.Requests.Select(r => new
                {
                    id = r.RequestId,
                    from_user = new { id = r.FromUserId },
                    to_user = new { id = r.ToUserId },
                    created = r.Created,
                    rejected = r.Rejected,
                    viewed = r.Viewed,
                }),
            });
        }
    }

    private static void MapAction(RouteGroupBuilder group, string pattern, ConnectionAction action) =>
        group.MapPost(pattern, (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target =>
            {
                var written = await Caller(http, grains).ActOnConnectionAsync(target, action);
                return MirrorPendingHeader.With(http, written.MirrorPending, StatusResult(written.Status));
            }));

    private static IResult StatusResult(ConnectionStatus status) =>
        Results.Json(new { connection_status = ConnectionStatusNames.ToApiValue(status) });

    private static IUserGraphGrain Caller(HttpContext http, IGrainFactory grains) =>
        grains.UserGraph(http.User.GetUserId());
}
