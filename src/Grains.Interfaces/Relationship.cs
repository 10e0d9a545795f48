namespace UserGraph.Grains.Interfaces;

/// <summary>Everything the graph knows about one user's relation to another, from the first user's side.</summary>
/// <param name="OtherUserId">The other user.</param>
/// <param name="Follows">The user follows the other user.</param>
/// <param name="FollowedBy">The other user follows the user.</param>
/// <param name="Connection">The connection status as the user sees it (connection mode).</param>
/// <param name="Hides">The user hides the other user.</param>
/// <param name="HiddenBy">The other user hides the user.</param>
/// <remarks>
/// Members added after the first release are init-only properties with new ids, so code that
/// builds a <see cref="Relationship"/> keeps compiling and older silos read it unchanged.
/// </remarks>
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
    /// <summary>The user blocks the other user.</summary>
    [Id(6)]
    public bool Blocks { get; init; }

    /// <summary>The other user blocks the user.</summary>
    [Id(7)]
    public bool BlockedBy { get; init; }

    /// <summary>Either blocks the other: they cannot follow or connect, and see each other as strangers.</summary>
    public bool IsBlockedEitherWay => Blocks || BlockedBy;

    /// <summary>
    /// The status the REST statuses answer gives for this pair: the connection status, or
    /// <see cref="ConnectionStatus.Followed"/> when the user follows the other in follow mode.
    /// </summary>
    public ConnectionStatus Status => Connection != ConnectionStatus.None ? Connection : Follows ? ConnectionStatus.Followed : ConnectionStatus.None;

    /// <summary>Both follow each other.</summary>
    public bool IsMutualFollow => Follows && FollowedBy;

    /// <summary>Either hides the other.</summary>
    public bool IsHiddenEitherWay => Hides || HiddenBy;
}
