namespace UserGraph.Grains.Interfaces;

/// <summary>How many users follow a user and how many that user follows.</summary>
[GenerateSerializer]
[Alias("UserGraph.GraphCounters")]
public sealed record GraphCounters(
    [property: Id(0)] int Followers,
    [property: Id(1)] int Followings);
