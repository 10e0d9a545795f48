namespace UserGraph.Grains.Interfaces;

/// <summary>What erasing a user's graph touched.</summary>
/// <param name="PeersUpdated">Other users whose graphs no longer mention the erased user.</param>
[GenerateSerializer]
[Alias("UserGraph.ErasureReport")]
public sealed record ErasureReport([property: Id(0)] int PeersUpdated);
