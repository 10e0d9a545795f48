namespace UserGraph.Gateway;

/// <summary>What erasing a user changed: how many other users' graphs lost an edge to them.</summary>
public sealed record ErasureAnswer([property: JsonPropertyName("peers_updated")] int PeersUpdated);
