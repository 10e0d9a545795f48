namespace UserGraph.Grains.Interfaces;

/// <summary>Operator actions on the graph. Use key 0; calls are spread over all silos.</summary>
[Alias("UserGraph.IGraphMaintenanceGrain")]
public interface IGraphMaintenanceGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Rebuilds one user's mirrors (followers, hidden-by) from the edges their owners
    /// hold: scans the stored graph for every user with an edge toward <paramref name="userId"/>,
    /// then asks each one's grain for the truth. Slow on a large graph (it reads every stored
    /// user); meant for after a restore from backup or a bug, not for routine use.
    /// </summary>
    [Alias("RepairReverseEdges")]
    Task<ReverseEdgeRepairReport> RepairReverseEdgesAsync(long userId);

    /// <summary>
    /// Erases one user's graph both ways (a right-to-erasure request): their follows, hides and
    /// connections, and their id from every other user's followers, followings, hides,
    /// connections and requests, with those users' counters right when this returns. Block the
    /// user from signing in first: actions they make during the erasure may survive it.
    /// </summary>
    [Alias("EraseUser")]
    Task<ErasureReport> EraseUserAsync(long userId);
}
