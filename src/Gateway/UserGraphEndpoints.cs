using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Gateway;

/// <summary>
/// The SelfCommunity v2 user-graph routes. Each handler parses, checks the mode, calls the
/// caller's grain once and maps the answer; errors thrown on the way are mapped to problems by
/// <see cref="GraphExceptionHandler"/>.
/// </summary>
public static class UserGraphEndpoints
{
    public static IEndpointRouteBuilder MapUserGraphApi(this IEndpointRouteBuilder endpoints)
    {
        // Route templates match with and without the trailing slash.
        var user = endpoints.MapGroup("/api/v2/user").RequireAuthorization();
        user.MapPost("/connection/statuses/", PostStatusesAsync);
        user.MapPost("/{id}/follow/", ToggleFollowAsync);
        return endpoints;
    }

    private static async Task<IResult> PostStatusesAsync(
        HttpContext http,
        IGrainFactory grains,
        IOptions<GatewayOptions> options)
    {
        var limits = options.Value;
        var body = await RequestBodyReader.ReadAsync(http.Request, limits.MaxRequestBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return ApiProblems.PayloadTooLarge(limits.MaxRequestBodyBytes);
        }

        var request = new StatusesRequestParser(limits.MaxStatusIds).Parse(body, http.Request.ContentType);
        if (!request.IsValid)
        {
            return ApiProblems.From(request);
        }

        var statuses = request.UserIds.Length == 0
            ? []
            : await grains.GetGrain<IUserGraphGrain>(http.User.GetUserId()).GetStatusesAsync(request.UserIds);
        return new StatusesResult(request.UserIds, statuses);
    }

    private static async Task<IResult> ToggleFollowAsync(
        string id,
        HttpContext http,
        IGrainFactory grains,
        IOptions<CommunityOptions> community)
    {
        if (community.Value.Mode != CommunityMode.Follow)
        {
            return ApiProblems.RequiresMode(CommunityMode.Follow);
        }

        if (!UserIds.TryParse(id, out var target))
        {
            return ApiProblems.InvalidUserId(id);
        }

        await grains.GetGrain<IUserGraphGrain>(http.User.GetUserId()).ToggleFollowAsync(target);
        return Results.NoContent();
    }
}
