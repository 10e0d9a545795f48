namespace UserGraph.Gateway;

/// <summary>
/// <c>{"users": [...], "relationships": [...]}</c>: the members in request order, and every
/// ordered pair with a fact the caller may see; a pair not listed has none.
/// </summary>
public sealed record RoomAnswer(
    [property: JsonPropertyName("users")] long[] Users,
    [property: JsonPropertyName("relationships")] IReadOnlyList<RoomPairItem> Relationships);
