namespace UserGraph.Grains;

/// <summary>
/// Who owns which fact of the graph. The owner's grain decides the fact and stores it first; the
/// other user's grain keeps a mirror of it. The grain, repair and the storage scan that finds
/// owners all ask here, so the rule is written once.
/// </summary>
/// <remarks>
/// A follow or a hide belongs to the user who made it (only that user acts on it): in a view,
/// <see cref="UserGraphState.Followings"/> and <see cref="UserGraphState.Hidden"/> are owned,
/// <see cref="UserGraphState.Followers"/> and <see cref="UserGraphState.HiddenBy"/> are mirrors.
/// A connection belongs to both users equally, so one of them must decide every transition for
/// the pair to end in one state: the lower id. Calls to a connection's owner then only ever go
/// from a higher id to a lower one.
/// </remarks>
public static class FactOwnership
{
    /// <summary>The user who decides the connection between the two.</summary>
    public static long OwnerOfConnection(long userId, long otherUserId) => Math.Min(userId, otherUserId);

    /// <summary>Whether <paramref name="userId"/> decides the connection with <paramref name="otherUserId"/>.</summary>
    public static bool OwnsConnection(long userId, long otherUserId) =>
        userId != otherUserId && OwnerOfConnection(userId, otherUserId) == userId;
}
