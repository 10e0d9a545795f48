namespace UserGraph.Gateway;

/// <summary><c>{"is_blocked_by": bool}</c>: Whether the user blocks the caller.</summary>
public sealed record BlockedByAnswer([property: JsonPropertyName("is_blocked_by")] bool Value);
