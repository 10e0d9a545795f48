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

        connection.MapGet("/{id}/connection_status/", async Task<Ok<ConnectionStatusAnswer>> (UserId id, Caller caller) =>
            TypedResults.Ok(ConnectionStatusAnswer.Of(await caller.Graph.GetConnectionStatusAsync(id.Value))));
        connection.MapGet("/{id}/is_connection/", async Task<Ok<ConnectedAnswer>> (UserId id, Caller caller) =>
            TypedResults.Ok(new ConnectedAnswer(await caller.Graph.GetConnectionStatusAsync(id.Value) == ConnectionStatus.Connected)));
        connection.MapGet("/{id}/connections/", async Task<Results<Ok<PageAnswer<UserItem>>, ProblemHttpResult>> (UserId id, Caller caller, HttpContext http, IGrainFactory grains) =>
        {
            var (page, problem) = PageRequest.From(http.Request, allowMutual: false);
            if (page is null)
            {
                return problem!;
            }

            var ids = await grains.UserGraph(id.Value).GetConnectionsAsync(page.Offset, page.Limit);
            return TypedResults.Ok(await UserItems.PageAsync(grains, http.Request, caller.Id, page, ids));
        });
        connection.MapGet("/connection/requests/", (Caller caller, HttpContext http) =>
            RequestsAsync(http, page => caller.Graph.GetReceivedConnectionRequestsAsync(page.Offset, page.Limit)));
        connection.MapGet("/connection/requests_sent/", (Caller caller, HttpContext http) =>
            RequestsAsync(http, page => caller.Graph.GetSentConnectionRequestsAsync(page.Offset, page.Limit)));
    }

    private static async Task<Results<Ok<PageAnswer<ConnectionRequestItem>>, ProblemHttpResult>> RequestsAsync(
        HttpContext http, Func<PageRequest, Task<ConnectionRequestPage>> list)
    {
        var (page, problem) = PageRequest.From(http.Request, allowMutual: false);
        if (page is null)
        {
            return problem!;
        }

        var requests = await list(page);
        return TypedResults.Ok(new PageAnswer<ConnectionRequestItem>(
            requests.TotalCount,
            page.NextLink(http.Request, requests.TotalCount),
            page.PreviousLink(http.Request),
            [.. requests.Requests.Select(ConnectionRequestItem.From)]));
    }

    private static void MapAction(RouteGroupBuilder group, string pattern, ConnectionAction action) =>
        group.MapPost(pattern, async Task<Ok<ConnectionStatusAnswer>> (UserId id, Caller caller, HttpContext http) =>
        {
            var written = await caller.Graph.ActOnConnectionAsync(id.Value, action);
            return MirrorPendingHeader.With(http, written.MirrorPending, TypedResults.Ok(ConnectionStatusAnswer.Of(written.Status)));
        });
}
