namespace UserGraph.Grains.Interfaces;

/// <summary>A pending connection request.</summary>
/// <param name="RequestId">Identifies this request (a new request between the same users gets a new id).</param>
/// <param name="FromUserId">Who asked.</param>
/// <param name="ToUserId">Who was asked.</param>
/// <param name="Created">When it was made (UTC).</param>
/// <param name="Rejected">When the receiver rejected it, if they did (the sender is not told).</param>
/// <param name="Viewed">When the receiver marked it seen, if they did.</param>
[GenerateSerializer]
[Alias("UserGraph.ConnectionRequestInfo")]
public sealed record ConnectionRequestInfo(
    [property: Id(0)] long RequestId,
    [property: Id(1)] long FromUserId,
    [property: Id(2)] long ToUserId,
    [property: Id(3)] DateTime Created,
    [property: Id(4)] DateTime? Rejected,
    [property: Id(5)] DateTime? Viewed);
