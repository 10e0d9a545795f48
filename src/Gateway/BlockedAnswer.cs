namespace UserGraph.Gateway;

/// <summary><c>{"is_blocked": bool}</c>: Whether the caller blocks the user.</summary>
public sealed record BlockedAnswer([property: JsonPropertyName("is_blocked")] bool Value);
