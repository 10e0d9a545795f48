namespace UserGraph.Grains;

/// <summary>A stored webhook endpoint, secret included: only the dispatchers and the store see it.</summary>
public sealed record WebhookEndpoint(long Id, string Url, string Secret, string[] Events, bool Paused, int Partitions);
