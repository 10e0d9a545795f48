namespace UserGraph.Gateway;

/// <summary>One item of the relationships answer: every flag between the caller and one user.</summary>
public sealed record RelationshipItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("following")] bool Following,
    [property: JsonPropertyName("followed_by")] bool FollowedBy,
    [property: JsonPropertyName("connection_status")] string? ConnectionStatus,
    [property: JsonPropertyName("hiding")] bool Hiding,
    [property: JsonPropertyName("hidden_by")] bool HiddenBy,
    [property: JsonPropertyName("blocking")] bool Blocking,
    [property: JsonPropertyName("blocked_by")] bool BlockedBy)
{
    public static RelationshipItem From(Relationship relationship) => new(
        relationship.OtherUserId,
        relationship.Follows,
        relationship.FollowedBy,
        ConnectionStatusNames.ToApiValue(relationship.Status),
        relationship.Hides,
        relationship.HiddenBy,
        relationship.Blocks,
        relationship.BlockedBy);
}
