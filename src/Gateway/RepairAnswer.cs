namespace UserGraph.Gateway;

/// <summary>What a reverse-edge repair found and corrected.</summary>
public sealed record RepairAnswer(
    [property: JsonPropertyName("owners_found")] int OwnersFound,
    [property: JsonPropertyName("entries_corrected")] int EntriesCorrected);
