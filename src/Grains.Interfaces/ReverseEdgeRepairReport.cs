namespace UserGraph.Grains.Interfaces;

/// <summary>What a reverse-edge repair of one user found and fixed.</summary>
/// <param name="OwnersFound">Users whose stored edges point at the repaired user.</param>
/// <param name="EntriesCorrected">Follower or hidden-by entries added or removed.</param>
[GenerateSerializer]
[Alias("UserGraph.ReverseEdgeRepairReport")]
public sealed record ReverseEdgeRepairReport(
    [property: Id(0)] int OwnersFound,
    [property: Id(1)] int EntriesCorrected);
