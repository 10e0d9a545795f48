namespace UserGraph.Grains.Interfaces;

/// <summary>Everything the graph knows about one user's relation to another, from the first user's side.</summary>
/// <param name="OtherUserId">The other user.</param>
/// <param name="Follows">The user follows the other user.</param>
/// <param name="FollowedBy">The other user follows the user.</param>
/// <param name="Connection">The connection status as the user sees it (connection mode).</param>
/// <param name="Hides">The user hides the other user.</param>
/// <param name="HiddenBy">The other user hides the user.</param>
[GenerateSerializer]
[Alias("UserGraph.Relationship")]
public sealed record Relationship(
    [property: Id(0)] long OtherUserId,
    [property: Id(1)] bool Follows,
    [property: Id(2)] bool FollowedBy,
    [property: Id(3)] ConnectionStatus Connection,
    [property: Id(4)] bool Hides,
    [property: Id(5)] bool HiddenBy)
{
    /// <summary>Both follow each other.</summary>
    public bool IsMutualFollow => Follows && FollowedBy;

    /// <summary>Either hides the other.</summary>
    public bool IsHiddenEitherWay => Hides || HiddenBy;
}
