namespace UserGraph.Grains.Interfaces;

/// <summary>One page of connection requests, newest first.</summary>
[GenerateSerializer]
[Alias("UserGraph.ConnectionRequestPage")]
public sealed record ConnectionRequestPage(
    [property: Id(0)] int TotalCount,
    [property: Id(1)] ConnectionRequestInfo[] Requests);
