namespace UserGraph.Grains.Interfaces;

/// <summary>What one user holds toward another, as a room sees it: one ordered pair's facts.</summary>
/// <remarks>Flags are numbers on the wire: never renumber one; add new ones with new bits.</remarks>
[Flags]
[GenerateSerializer]
[Alias("UserGraph.PairRelation")]
public enum PairRelation : byte
{
    /// <summary>Nothing between the two (or a user toward themselves).</summary>
    None = 0,

    /// <summary>The first user follows the second (public).</summary>
    Follows = 1,

    /// <summary>The two users are connected (public, and the same both ways).</summary>
    Connected = 2,

    /// <summary>The first user blocks the second (private to the two of them).</summary>
    Blocks = 4,

    /// <summary>The first user hides the second (private to the two of them).</summary>
    Hides = 8,
}
