using Orleans.Concurrency;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

[StatelessWorker]
public sealed class GraphMaintenanceGrain(IEdgeOwnerFinder owners) : Grain, IGraphMaintenanceGrain
{
    public async Task<ReverseEdgeRepairReport> RepairReverseEdgesAsync(long userId)
    {
        EdgeRules.EnsureValidTarget(0, userId, "repair");
        var found = await owners.FindOwnersOfEdgesTowardAsync(userId, CancellationToken.None);
        var corrected = await GrainFactory.GetGrain<IUserGraphGrain>(userId).RepairReverseEdgesAsync(found);
        return new ReverseEdgeRepairReport(found.Length, corrected);
    }
}
