namespace UserGraph.Grains.Interfaces;

/// <summary>A user's changes after a position, oldest first.</summary>
/// <param name="Changes">The changes, each with its position.</param>
/// <param name="NextPosition">
/// Where to continue: the last change's position, or the position asked for when there were none.
/// </param>
[GenerateSerializer]
[Alias("UserGraph.GraphChangePage")]
public sealed record GraphChangePage(
    [property: Id(0)] LoggedChange[] Changes,
    [property: Id(1)] long NextPosition);
