namespace UserGraph.Gateway;

/// <summary>A paginated list answer: <c>{"count", "next", "previous", "results"}</c> (limit-offset, see <see cref="PageRequest"/>).</summary>
public sealed record PageAnswer<TItem>(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("next")] string? Next,
    [property: JsonPropertyName("previous")] string? Previous,
    [property: JsonPropertyName("results")] IReadOnlyList<TItem> Results);
