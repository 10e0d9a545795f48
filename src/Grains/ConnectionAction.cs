namespace UserGraph.Grains;

/// <summary>What a user does to the connection between them and another user.</summary>
[GenerateSerializer]
[Alias("UserGraph.ConnectionAction")]
public enum ConnectionAction : byte
{
    Request = 0,
    CancelRequest = 1,
    Accept = 2,
    Reject = 3,
    CancelRejection = 4,
    Remove = 5,
    MarkSeen = 6,
}
