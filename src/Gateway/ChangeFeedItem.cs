namespace UserGraph.Gateway;

/// <summary>One change of the caller's graph in the change feed.</summary>
public sealed record ChangeFeedItem(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("user_id")] long UserId,
    [property: JsonPropertyName("other_user_id")] long OtherUserId,
    [property: JsonPropertyName("connection_status")] string? ConnectionStatus,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("cursor")] string Cursor)
{
    public static ChangeFeedItem From(LoggedChange logged) => new(
        GraphChangeNames.KindName(logged.Change.Kind),
        logged.Change.UserId,
        logged.Change.OtherUserId,
        ConnectionStatusNames.ToApiValue(logged.Change.Connection),
        logged.Change.GraphVersion,
        logged.Created,
        ChangeCursor.Format(logged.Change.Position));
}
