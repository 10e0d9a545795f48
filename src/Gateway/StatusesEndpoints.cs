namespace UserGraph.Gateway;

/// <summary>
/// The statuses query, as the reference's POST and as our cacheable GET. Both answer with a
/// strong ETag; a GET whose If-None-Match matches answers 304, a POST 412 (RFC 9110 13.1.2).
/// </summary>
internal static class StatusesEndpoints
{
    public static void Map(RouteGroupBuilder user)
    {
        user.MapPost("/connection/statuses/", PostAsync).Produces<StatusesAnswer>();
        user.MapGet("/connection/statuses/", GetAsync).Produces<StatusesAnswer>();
    }

    private static async Task<IResult> PostAsync(HttpContext http, Caller caller, IOptions<GatewayOptions> options) =>
        await AnswerAsync(http, caller, await IdListRequests.FromBodyAsync(http, options.Value, options.Value.MaxStatusIds), StatusCodes.Status412PreconditionFailed);

    private static Task<IResult> GetAsync(HttpContext http, Caller caller, IOptions<GatewayOptions> options) =>
        AnswerAsync(http, caller, IdListRequests.FromQuery(http, options.Value.MaxStatusIds), StatusCodes.Status304NotModified);

    private static async Task<IResult> AnswerAsync(HttpContext http, Caller caller, StatusesRequest request, int notModifiedStatus)
    {
        if (!request.IsValid)
        {
            return ApiProblems.From(request);
        }

        var snapshot = await caller.Graph.GetStatusesAsync(request.UserIds);
        return VersionedAnswer.NotModified(http, snapshot.GraphVersion, request.UserIds, notModifiedStatus)
            ?? new StatusesResult(request.UserIds, snapshot.Statuses);
    }
}
