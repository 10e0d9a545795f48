namespace UserGraph.Grains.Interfaces;

/// <summary>What changed in a user's graph, from that user's side.</summary>
/// <remarks>Values are sent as numbers: never renumber a member; add new ones at the end.</remarks>
[GenerateSerializer]
[Alias("UserGraph.GraphChangeKind")]
public enum GraphChangeKind : byte
{
    /// <summary>The user started following the other user.</summary>
    Followed = 1,

    /// <summary>The user stopped following the other user.</summary>
    Unfollowed = 2,

    /// <summary>The other user started following the user.</summary>
    GainedFollower = 3,

    /// <summary>The other user stopped following the user.</summary>
    LostFollower = 4,

    /// <summary>The user hid the other user.</summary>
    Hid = 5,

    /// <summary>The user stopped hiding the other user.</summary>
    Unhid = 6,

    /// <summary>The other user hid the user.</summary>
    HiddenBy = 7,

    /// <summary>The other user stopped hiding the user.</summary>
    UnhiddenBy = 8,

    /// <summary>A connection request between the two users now exists (sent or received).</summary>
    ConnectionRequested = 9,

    /// <summary>The two users are now connected.</summary>
    ConnectionAccepted = 10,

    /// <summary>The request or connection between the two users is gone (cancelled, removed, or rejected by the user).</summary>
    ConnectionRemoved = 11,

    /// <summary>The user blocked the other user (their follows, requests and connection are gone).</summary>
    Blocked = 12,

    /// <summary>The user stopped blocking the other user.</summary>
    Unblocked = 13,

    /// <summary>The other user blocked the user.</summary>
    BlockedBy = 14,

    /// <summary>The other user stopped blocking the user.</summary>
    UnblockedBy = 15,

    /// <summary>
    /// The user's graph was erased (account deletion): every relation of the user is gone, and the
    /// user's earlier changes were removed from the change log. <c>OtherUserId</c> is 0.
    /// </summary>
    Erased = 16,
}
