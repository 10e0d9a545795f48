namespace UserGraph.Gateway;

/// <summary><c>{"is_followed": bool}</c>: whether the caller follows the user.</summary>
public sealed record FollowedAnswer([property: JsonPropertyName("is_followed")] bool Value);
