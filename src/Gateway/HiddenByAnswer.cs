namespace UserGraph.Gateway;

/// <summary><c>{"is_hidden_by": bool}</c>: Whether the user hides the caller.</summary>
public sealed record HiddenByAnswer([property: JsonPropertyName("is_hidden_by")] bool Value);
