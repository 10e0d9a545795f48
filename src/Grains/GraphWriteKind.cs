namespace UserGraph.Grains;

/// <summary>What a queued write does, which decides how it is stored.</summary>
public enum GraphWriteKind
{
    /// <summary>Changes facts this user owns: stored with the peers marked for mirroring.</summary>
    Owned,

    /// <summary>Changes this user's mirrors of facts other users own.</summary>
    Mirror,

    /// <summary>
    /// Removes data for good: stored alone, as a new snapshot after which every older journal
    /// entry is deleted, so nothing of what it removed is left in storage.
    /// </summary>
    Erasure,
}
