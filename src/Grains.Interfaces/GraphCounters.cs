namespace UserGraph.Grains.Interfaces;

/// <summary>A user's counts: follow mode uses the first two, connection mode the last three.</summary>
[GenerateSerializer]
[Alias("UserGraph.GraphCounters")]
public sealed record GraphCounters(
    [property: Id(0)] int Followers,
    [property: Id(1)] int Followings,
    [property: Id(2)] int Connections = 0,
    [property: Id(3)] int ConnectionRequestsSent = 0,
    [property: Id(4)] int ConnectionRequestsReceived = 0);
