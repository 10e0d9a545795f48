namespace UserGraph.Grains.Interfaces;

/// <summary>A registered webhook endpoint as operators see it (never its secret).</summary>
[GenerateSerializer]
[Alias("UserGraph.WebhookEndpointInfo")]
public sealed record WebhookEndpointInfo(
    [property: Id(0)] long Id,
    [property: Id(1)] string Url,
    [property: Id(2)] string[] Events,
    [property: Id(3)] bool Paused,
    [property: Id(4)] DateTimeOffset Created,
    [property: Id(5)] int DeadLetters);
