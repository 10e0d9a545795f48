using System.Text.Json.Serialization;

namespace UserGraph.Gateway;

/// <summary>A paginated list answer: <c>{"count", "next", "previous", "results"}</c>.</summary>
public sealed record UserListResult(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("next")] string? Next,
    [property: JsonPropertyName("previous")] string? Previous,
    [property: JsonPropertyName("results")] IReadOnlyList<UserItem> Results);
