namespace UserGraph.Grains.Interfaces;

/// <summary>What a user does to the connection between them and another user.</summary>
/// <remarks>Sent as a number: never renumber a member; add new ones at the end.</remarks>
[GenerateSerializer]
[Alias("UserGraph.ConnectionAction")]
public enum ConnectionAction : byte
{
    /// <summary>Asks the other user to connect; accepts when they had already asked.</summary>
    Request = 0,

    /// <summary>Withdraws the actor's pending request.</summary>
    CancelRequest = 1,

    /// <summary>Accepts the other user's request.</summary>
    Accept = 2,

    /// <summary>Rejects the other user's request (they are not told).</summary>
    Reject = 3,

    /// <summary>Takes a rejection back: the request is pending again.</summary>
    CancelRejection = 4,

    /// <summary>Ends the connection.</summary>
    Remove = 5,

    /// <summary>Marks the other user's request as seen.</summary>
    MarkSeen = 6,
}
