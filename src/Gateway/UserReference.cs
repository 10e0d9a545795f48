namespace UserGraph.Gateway;

/// <summary><c>{"id": ...}</c>: a user named inside another answer.</summary>
public sealed record UserReference([property: JsonPropertyName("id")] long Id);
