namespace UserGraph.Gateway;

/// <summary>
/// The statuses query, as the reference's POST and as our cacheable GET. Both answer with a
/// strong ETag; a GET whose If-None-Match matches answers 304, a POST 412 (RFC 9110 13.1.2).
/// </summary>
internal static class StatusesEndpoints
{
    public static void Map(RouteGroupBuilder user)
    {
        user.MapPost("/connection/statuses/", PostAsync);
        user.MapGet("/connection/statuses/", GetAsync).Produces(StatusCodes.Status304NotModified);
    }

    private static async Task<Results<StatusesResult, StatusCodeHttpResult, ProblemHttpResult>> PostAsync(
        HttpContext http, Caller caller, IOptions<GatewayOptions> options) =>
        await AnswerAsync(http, caller, await IdListRequests.FromBodyAsync(http, options.Value, options.Value.MaxStatusIds), get: false);

    private static Task<Results<StatusesResult, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        HttpContext http, Caller caller, IOptions<GatewayOptions> options) =>
        AnswerAsync(http, caller, IdListRequests.FromQuery(http, options.Value.MaxStatusIds), get: true);

    private static async Task<Results<StatusesResult, StatusCodeHttpResult, ProblemHttpResult>> AnswerAsync(
        HttpContext http, Caller caller, StatusesRequest request, bool get)
    {
        if (!request.IsValid)
        {
            return ApiProblems.From(request);
        }

        var snapshot = await caller.Graph.GetStatusesAsync(request.UserIds);
        if (!VersionedAnswer.Unchanged(http, snapshot.GraphVersion, request.UserIds))
        {
            return new StatusesResult(request.UserIds, snapshot.Statuses);
        }

        return get ? VersionedAnswer.NotModified() : VersionedAnswer.PreconditionFailed();
    }
}
