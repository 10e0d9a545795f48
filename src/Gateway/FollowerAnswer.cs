namespace UserGraph.Gateway;

/// <summary><c>{"is_follower": bool}</c>: whether the user follows the caller.</summary>
public sealed record FollowerAnswer([property: JsonPropertyName("is_follower")] bool Value);
