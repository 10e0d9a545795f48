namespace UserGraph.Gateway;

/// <summary>Whether a webhook endpoint is paused, after pausing or resuming it.</summary>
public sealed record WebhookPausedAnswer([property: JsonPropertyName("paused")] bool Paused);
