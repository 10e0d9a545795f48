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

    private static async Task<IResult> PostAsync(HttpContext http, IGrainFactory grains, IOptions<GatewayOptions> options)
    {
        var limits = options.Value;
        var body = await RequestBodyReader.ReadAsync(http.Request, limits.MaxRequestBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return ApiProblems.PayloadTooLarge(limits.MaxRequestBodyBytes);
        }

        var request = new StatusesRequestParser(limits.MaxStatusIds).Parse(body, http.Request.ContentType);
        return await AnswerAsync(http, grains, request, notModifiedStatus: StatusCodes.Status412PreconditionFailed);
    }

    private static Task<IResult> GetAsync(HttpContext http, IGrainFactory grains, IOptions<GatewayOptions> options)
    {
        var request = new StatusesRequestParser(options.Value.MaxStatusIds).ParseQuery(http.Request.QueryString.Value);
        return AnswerAsync(http, grains, request, notModifiedStatus: StatusCodes.Status304NotModified);
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, IGrainFactory grains, StatusesRequest request, int notModifiedStatus)
    {
        if (!request.IsValid)
        {
            return ApiProblems.From(request);
        }

        var snapshot = await grains.UserGraph(http.User.GetUserId()).GetStatusesAsync(request.UserIds);
        var etag = StatusesETag.Compute(snapshot.GraphVersion, request.UserIds);
        http.Response.Headers.ETag = etag;
        if (StatusesETag.IfNoneMatchMatches(http.Request.Headers.IfNoneMatch, etag))
        {
            return notModifiedStatus == StatusCodes.Status304NotModified
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : ApiProblems.PreconditionFailed("The statuses have not changed since the ETag given in If-None-Match.");
        }

        return new StatusesResult(request.UserIds, snapshot.Statuses);
    }
}
