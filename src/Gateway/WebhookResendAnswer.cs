namespace UserGraph.Gateway;

/// <summary>What resending an endpoint's dead letters did.</summary>
public sealed record WebhookResendAnswer(
    [property: JsonPropertyName("delivered")] int Delivered,
    [property: JsonPropertyName("failed")] int Failed);
