namespace UserGraph.Gateway;

/// <summary>One connection request in a list, as SelfCommunity shapes it.</summary>
public sealed record ConnectionRequestItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("from_user")] UserReference FromUser,
    [property: JsonPropertyName("to_user")] UserReference ToUser,
    [property: JsonPropertyName("created")] DateTime Created,
    [property: JsonPropertyName("rejected")] DateTime? Rejected,
    [property: JsonPropertyName("viewed")] DateTime? Viewed)
{
    public static ConnectionRequestItem From(UserGraph.Grains.Interfaces.ConnectionRequestInfo request) =>
        new(request.RequestId, new UserReference(request.FromUserId), new UserReference(request.ToUserId), request.Created, request.Rejected, request.Viewed);
}
