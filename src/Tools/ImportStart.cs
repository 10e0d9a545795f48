namespace UserGraph.Tools;

/// <summary>Where an import of a file stands when a run starts.</summary>
/// <param name="BatchUsers">The batch size the file's import uses (its first run's).</param>
/// <param name="IntoEmpty">The service had no stored graph when the file's import first started.</param>
/// <param name="DoneBatches">First user ids of the batches already written.</param>
/// <param name="UsersWritten">Users the batches already written created or changed.</param>
public sealed record ImportStart(int BatchUsers, bool IntoEmpty, bool Finished, HashSet<long> DoneBatches, long UsersWritten);
