using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Gateway;

/// <summary>Operator endpoints, outside the SelfCommunity contract, behind <see cref="GraphAdminPolicy"/>.</summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin").RequireAuthorization(GraphAdminPolicy.Name).AddEndpointFilter<BodyLimitFilter>();
        admin.MapPost("/users/{id}/repair-reverse-edges", RepairAsync);
        admin.MapDelete("/users/{id}", (string id, IGrainFactory grains) =>
            TargetUser.With(id, async userId =>
            {
                var report = await grains.GetGrain<IGraphMaintenanceGrain>(0).EraseUserAsync(userId);
                return Results.Json(new { peers_updated = report.PeersUpdated });
            }));
    }

    private static Task<IResult> RepairAsync(string id, IGrainFactory grains) =>
        TargetUser.With(id, async userId =>
        {
            var report = await grains.GetGrain<IGraphMaintenanceGrain>(0).RepairReverseEdgesAsync(userId);
            return Results.Json(new { owners_found = report.OwnersFound, entries_corrected = report.EntriesCorrected });
        });
}
