namespace UserGraph.Gateway;

/// <summary>A list answer of the webhook admin endpoints.</summary>
public sealed record WebhookListAnswer<T>([property: JsonPropertyName("results")] T[] Results);
