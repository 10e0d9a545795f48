using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using UserGraph.Grains.Interfaces;

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
        user.MapGet("/connection/statuses/", GetAsync);
    }

    private static async Task<IResult> PostAsync(HttpContext http, IGrainFactory grains, IOptions<GatewayOptions> options) =>
        await AnswerAsync(http, grains, await IdListRequests.FromBodyAsync(http, options.Value, options.Value.MaxStatusIds), StatusCodes.Status412PreconditionFailed);

    private static Task<IResult> GetAsync(HttpContext http, IGrainFactory grains, IOptions<GatewayOptions> options) =>
        AnswerAsync(http, grains, IdListRequests.FromQuery(http, options.Value.MaxStatusIds), StatusCodes.Status304NotModified);

    private static async Task<IResult> AnswerAsync(HttpContext http, IGrainFactory grains, StatusesRequest request, int notModifiedStatus)
    {
        if (!request.IsValid)
        {
            return ApiProblems.From(request);
        }

        var snapshot = await grains.UserGraph(http.User.GetUserId()).GetStatusesAsync(request.UserIds);
        return VersionedAnswer.NotModified(http, snapshot.GraphVersion, request.UserIds, notModifiedStatus)
            ?? new StatusesResult(request.UserIds, snapshot.Statuses);
    }
}
