namespace UserGraph.Gateway;

/// <summary><c>{"is_hidden": bool}</c>: Whether the caller hides the user.</summary>
public sealed record HiddenAnswer([property: JsonPropertyName("is_hidden")] bool Value);
