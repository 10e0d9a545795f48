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
        var user = endpoints.MapGroup("/api/v2/user").RequireAuthorization().ProducesGatewayProblems();
        // Statuses reads and limits its own body, and is the hottest path: no filter pipeline there.
        StatusesEndpoints.Map(user);
        RelationshipsEndpoints.Map(user);
        var bodyless = user.MapGroup("").AddEndpointFilter<BodyLimitFilter>();
        FollowEndpoints.Map(bodyless);
        ConnectionEndpoints.Map(bodyless);
        OneWayEdgeEndpoints.Map(bodyless, OneWayEdges.Hide);
        OneWayEdgeEndpoints.Map(bodyless, OneWayEdges.Block);
        CountersEndpoints.Map(bodyless);
        ChangeFeedEndpoints.Map(bodyless);
        AdminEndpoints.Map(endpoints);
        WebhookAdminEndpoints.Map(endpoints);
        return endpoints;
    }
}
