namespace UserGraph.Gateway;

/// <summary>The answer to registering a webhook endpoint.</summary>
public sealed record WebhookCreatedAnswer([property: JsonPropertyName("id")] long Id);
