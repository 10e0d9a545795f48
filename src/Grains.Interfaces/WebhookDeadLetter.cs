namespace UserGraph.Grains.Interfaces;

/// <summary>A delivery given up on after the retry window; kept until resent.</summary>
[GenerateSerializer]
[Alias("UserGraph.WebhookDeadLetter")]
public sealed record WebhookDeadLetter(
    [property: Id(0)] long Id,
    [property: Id(1)] string MessageId,
    [property: Id(2)] string EventType,
    [property: Id(3)] long UserId,
    [property: Id(4)] long Position,
    [property: Id(5)] DateTimeOffset FailedOn,
    [property: Id(6)] string LastError);
