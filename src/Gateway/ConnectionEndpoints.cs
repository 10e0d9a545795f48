using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace UserGraph.Gateway;

/// <summary>Connection-mode endpoints: the request/accept state actions, checks and lists.</summary>
internal static class ConnectionEndpoints
{
    public static void Map(RouteGroupBuilder user)
    {
        var connection = user.MapGroup("").AddEndpointFilter(new RequireModeFilter(CommunityMode.Connection));
        MapAction(connection, "/{id}/connection/request/", (grain, id) => grain.RequestConnectionAsync(id));
        MapAction(connection, "/{id}/connection/cancel_request/", (grain, id) => grain.CancelConnectionRequestAsync(id));
        MapAction(connection, "/{id}/connection/accept/", (grain, id) => grain.AcceptConnectionAsync(id));
        MapAction(connection, "/{id}/connection/reject/", (grain, id) => grain.RejectConnectionAsync(id));
        MapAction(connection, "/{id}/connection/cancel_reject/", (grain, id) => grain.CancelConnectionRejectionAsync(id));
        MapAction(connection, "/{id}/connection/remove/", (grain, id) => grain.RemoveConnectionAsync(id));
        MapAction(connection, "/{id}/connection_requests/mark_seen/", (grain, id) => grain.MarkConnectionRequestSeenAsync(id));

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

    private static void MapAction(RouteGroupBuilder group, string pattern, Func<IUserGraphGrain, long, Task<ConnectionStatus>> action) =>
        group.MapPost(pattern, (string id, HttpContext http, IGrainFactory grains) =>
            TargetUser.With(id, async target => StatusResult(await action(Caller(http, grains), target))));

    private static IResult StatusResult(ConnectionStatus status) =>
        Results.Json(new { connection_status = ConnectionStatusNames.ToApiValue(status) });

    private static IUserGraphGrain Caller(HttpContext http, IGrainFactory grains) =>
        grains.UserGraph(http.User.GetUserId());
}
