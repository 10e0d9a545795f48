namespace UserGraph.Gateway;

/// <summary>A page of the change feed and where the next call continues.</summary>
public sealed record ChangeFeedAnswer(
    [property: JsonPropertyName("results")] ChangeFeedItem[] Results,
    [property: JsonPropertyName("next_cursor")] string NextCursor);
