namespace UserGraph.Gateway;

/// <summary>
/// The statuses answer's shape for the OpenAPI document: <see cref="StatusesResult"/> writes the
/// same JSON straight to the response, without building this.
/// </summary>
public sealed record StatusesAnswer(
    [property: JsonPropertyName("connection_statuses")] IReadOnlyDictionary<string, string?> ConnectionStatuses);
