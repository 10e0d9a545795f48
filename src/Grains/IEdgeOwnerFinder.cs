namespace UserGraph.Grains;

/// <summary>Finds, in storage, the users who own an edge toward a given user.</summary>
public interface IEdgeOwnerFinder
{
    Task<long[]> FindOwnersOfEdgesTowardAsync(long userId, CancellationToken cancellationToken);
}
