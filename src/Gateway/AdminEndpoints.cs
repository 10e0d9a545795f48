namespace UserGraph.Gateway;

/// <summary>Operator endpoints, outside the SelfCommunity contract, behind <see cref="GraphAdminPolicy"/>.</summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin").RequireAuthorization(GraphAdminPolicy.Name).ProducesGatewayProblems().AddEndpointFilter<BodyLimitFilter>();
        admin.MapPost("/users/{id}/repair-reverse-edges", async Task<Ok<RepairAnswer>> (UserId id, IGrainFactory grains) =>
        {
            var report = await Maintenance(grains).RepairReverseEdgesAsync(id.Value);
            return TypedResults.Ok(new RepairAnswer(report.OwnersFound, report.EntriesCorrected));
        });
        admin.MapDelete("/users/{id}", async Task<Ok<ErasureAnswer>> (UserId id, IGrainFactory grains) =>
            TypedResults.Ok(new ErasureAnswer((await Maintenance(grains).EraseUserAsync(id.Value)).PeersUpdated)));
    }

    private static IGraphMaintenanceGrain Maintenance(IGrainFactory grains) => grains.GetGrain<IGraphMaintenanceGrain>(0);
}
