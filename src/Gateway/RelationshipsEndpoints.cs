namespace UserGraph.Gateway;

/// <summary>
/// Our relationship extensions in both modes: every flag toward a list of users (with the
/// statuses query's ETag behaviour), and the relations among a room's members.
/// </summary>
internal static class RelationshipsEndpoints
{
    /// <summary>The most ids one relationships query takes.</summary>
    public const int MaxIds = 100;

    public static void Map(RouteGroupBuilder user)
    {
        user.MapGet("/relationships/", (HttpContext http, Caller caller) =>
                AnswerAsync(http, caller, IdListRequests.FromQuery(http, MaxIds), get: true))
            .Produces(StatusCodes.Status304NotModified)
            .WithDescription($"Every flag between the caller and each of up to {MaxIds} users (?users=1,7,9), in request order, from one consistent view. Strong ETag as for statuses; If-None-Match answers 304.");
        user.MapPost("/relationships/", async (HttpContext http, Caller caller, IOptions<GatewayOptions> options) =>
                await AnswerAsync(http, caller, await IdListRequests.FromBodyAsync(http, options.Value, MaxIds), get: false))
            .WithDescription($"The relationships query with the statuses body ({{\"users\": [1, 7]}}); a matching If-None-Match answers 412.");
        user.MapPost("/relationships/among/", AmongAsync)
            .WithDescription(
                $"The relations among up to {IRoomGraphGrain.MaxMembers} users, the caller among them (else 403), as {{\"users\": [...]}}. "
                + "Lists every ordered pair (from, to) with a fact the caller may see. Follows and connections are public and shown for every pair; "
                + "blocks and hides are private to the two users involved and shown only on pairs that include the caller.");
    }

    private static async Task<Results<Ok<RelationshipsAnswer>, StatusCodeHttpResult, ProblemHttpResult>> AnswerAsync(
        HttpContext http, Caller caller, StatusesRequest request, bool get)
    {
        if (!request.IsValid)
        {
            return ApiProblems.From(request);
        }

        var snapshot = await caller.Graph.GetRelationshipsSnapshotAsync(request.UserIds);
        if (!VersionedAnswer.Unchanged(http, snapshot.GraphVersion, request.UserIds))
        {
            return TypedResults.Ok(new RelationshipsAnswer([.. snapshot.Relationships.Select(RelationshipItem.From)]));
        }

        return get ? VersionedAnswer.NotModified() : VersionedAnswer.PreconditionFailed();
    }

    private static async Task<Results<Ok<RoomAnswer>, ProblemHttpResult>> AmongAsync(HttpContext http, Caller caller, IGrainFactory grains, IOptions<GatewayOptions> options)
    {
        var request = await IdListRequests.FromBodyAsync(http, options.Value, IRoomGraphGrain.MaxMembers);
        if (!request.IsValid)
        {
            return ApiProblems.From(request);
        }

        if (!request.UserIds.Contains(caller.Id))
        {
            return ApiProblems.Forbidden("The caller must be one of the users: a room's relations are for its members.");
        }

        var room = await grains.GetGrain<IRoomGraphGrain>(0).AmongAsync(request.UserIds);
        return TypedResults.Ok(RoomDisclosure.For(caller.Id, room));
    }
}
