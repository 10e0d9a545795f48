namespace UserGraph.Grains.Interfaces;

/// <summary>
/// Statuses of one user toward others, taken from one consistent view of that user's graph.
/// </summary>
/// <param name="GraphVersion">
/// The user's graph version: raised by every change to the user's view, so equal versions mean
/// equal answers for the same ids (the basis of the REST API's ETag).
/// </param>
/// <param name="Statuses">One status per requested id, in request order.</param>
/// <remarks>
/// Made fresh for each call and never kept by the grain, so it crosses a call inside the silo
/// without a defensive copy.
/// </remarks>
[GenerateSerializer]
[Immutable]
[Alias("UserGraph.StatusesSnapshot")]
public sealed record StatusesSnapshot(
    [property: Id(0)] long GraphVersion,
    [property: Id(1)] ConnectionStatus[] Statuses);
