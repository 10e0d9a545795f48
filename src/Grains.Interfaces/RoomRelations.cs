namespace UserGraph.Grains.Interfaces;

/// <summary>
/// The relations among the members of a room: for every ordered pair (from, to), what
/// <c>from</c> holds toward <c>to</c>. Each member's row was read from that member's grain, so a
/// row is one consistent view; rows may be read a moment apart.
/// </summary>
/// <param name="Members">The members, in the order they were asked for.</param>
/// <param name="Relations">Row-major, <c>Members.Length</c> squared: entry <c>i * n + j</c> is member i toward member j.</param>
[GenerateSerializer]
[Immutable]
[Alias("UserGraph.RoomRelations")]
public sealed record RoomRelations(
    [property: Id(0)] long[] Members,
    [property: Id(1)] PairRelation[] Relations)
{
    /// <summary>What <paramref name="fromUserId"/> holds toward <paramref name="toUserId"/>; <see cref="PairRelation.None"/> for a non-member.</summary>
    public PairRelation Between(long fromUserId, long toUserId)
    {
        var from = Array.IndexOf(Members, fromUserId);
        var to = Array.IndexOf(Members, toUserId);
        return from < 0 || to < 0 ? PairRelation.None : Relations[(from * Members.Length) + to];
    }

    /// <summary>Whether either of the two blocks the other.</summary>
    public bool IsBlockedEitherWay(long firstUserId, long secondUserId) =>
        ((Between(firstUserId, secondUserId) | Between(secondUserId, firstUserId)) & PairRelation.Blocks) != 0;
}
