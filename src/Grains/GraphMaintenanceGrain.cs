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

    public async Task<ErasureReport> EraseUserAsync(long userId)
    {
        EdgeRules.EnsureValidTarget(0, userId, "erase");
        var user = GrainFactory.GetGrain<IUserGraphMirror>(userId);

        // Empty the user's own graph first, so that a repair asking it for the truth finds
        // nothing, then make every peer forget the user, then empty it again in case a peer's
        // pending mirror put something back in between.
        var mentioned = await user.EraseOwnGraphAsync();
        var edgeOwners = await owners.FindOwnersOfEdgesTowardAsync(userId, CancellationToken.None);
        var peers = mentioned.Concat(edgeOwners).Where(id => id != userId).Distinct().ToArray();
        foreach (var chunk in peers.Chunk(32))
        {
            await Task.WhenAll(chunk.Select(peer => GrainFactory.GetGrain<IUserGraphMirror>(peer).ForgetUserAsync(userId)));
        }

        await user.EraseOwnGraphAsync();
        return new ErasureReport(peers.Length);
    }
}
