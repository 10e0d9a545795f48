namespace UserGraph.Gateway;

/// <summary><c>{"is_connection": bool}</c>: whether the caller and the user are connected.</summary>
public sealed record ConnectedAnswer([property: JsonPropertyName("is_connection")] bool Value);
