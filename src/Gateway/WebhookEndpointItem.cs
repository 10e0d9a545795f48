namespace UserGraph.Gateway;

/// <summary>A registered webhook endpoint in the admin list (its secret is never shown).</summary>
public sealed record WebhookEndpointItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("events")] string[] Events,
    [property: JsonPropertyName("paused")] bool Paused,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("dead_letters")] int DeadLetters)
{
    public static WebhookEndpointItem From(WebhookEndpointInfo info) =>
        new(info.Id, info.Url, info.Events, info.Paused, info.Created, info.DeadLetters);
}
