namespace UserGraph.Grains.Interfaces;

/// <summary>What a resend of dead letters did: delivered ones are gone, failed ones stay.</summary>
[GenerateSerializer]
[Alias("UserGraph.WebhookResendReport")]
public sealed record WebhookResendReport([property: Id(0)] int Delivered, [property: Id(1)] int Failed);
