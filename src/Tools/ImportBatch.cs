namespace UserGraph.Tools;

/// <summary>Consecutive imported users, ready to write: each one's first snapshot already serialized, for when storage does not know them.</summary>
public sealed record ImportBatch(ImportedUser[] Users, byte[][] NewUserPayloads);
