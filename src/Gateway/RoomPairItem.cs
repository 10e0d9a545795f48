namespace UserGraph.Gateway;

/// <summary>
/// What <see cref="From"/> holds toward <see cref="To"/> in a room. <c>blocking</c> and
/// <c>hiding</c> are private to the two users: present only when the caller is one of them.
/// </summary>
public sealed record RoomPairItem(
    [property: JsonPropertyName("from")] long From,
    [property: JsonPropertyName("to")] long To,
    [property: JsonPropertyName("following")] bool Following,
    [property: JsonPropertyName("connected")] bool Connected,
    [property: JsonPropertyName("blocking"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Blocking,
    [property: JsonPropertyName("hiding"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Hiding);
