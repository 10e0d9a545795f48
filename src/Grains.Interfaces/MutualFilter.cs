namespace UserGraph.Grains.Interfaces;

/// <summary>Which entries of a follower or following list to return.</summary>
[GenerateSerializer]
[Alias("UserGraph.MutualFilter")]
public enum MutualFilter : byte
{
    /// <summary>All entries, mutual follows first.</summary>
    Any = 0,

    /// <summary>Only users who follow and are followed back.</summary>
    MutualOnly = 1,

    /// <summary>Only one-way entries.</summary>
    NonMutualOnly = 2,
}
