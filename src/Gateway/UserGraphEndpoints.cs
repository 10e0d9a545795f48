using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace UserGraph.Gateway;

/// <summary>
/// The routes. Each handler parses, calls the grains and maps the answer; errors thrown on the
/// way are mapped to problems by <see cref="GraphExceptionHandler"/>. Route templates match with
/// and without the trailing slash.
/// </summary>
public static class UserGraphEndpoints
{
    public static IEndpointRouteBuilder MapUserGraphApi(this IEndpointRouteBuilder endpoints)
    {
        var user = endpoints.MapGroup("/api/v2/user").RequireAuthorization().AddEndpointFilter<BodyLimitFilter>();
        StatusesEndpoints.Map(user);
        FollowEndpoints.Map(user);
        ConnectionEndpoints.Map(user);
        HideEndpoints.Map(user);
        CountersEndpoints.Map(user);
        AdminEndpoints.Map(endpoints);
        return endpoints;
    }
}
