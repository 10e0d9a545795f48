namespace UserGraph.Grains;

/// <summary>Names shared by the grains and the silo that configures their storage.</summary>
public static class GraphStorage
{
    /// <summary>The grain storage provider every graph grain persists through.</summary>
    public const string ProviderName = "graph";

    /// <summary>
    /// The state name of <see cref="UserGraphGrain"/>. The storage row key is the grain key plus
    /// this name (not the grain class), so every state type needs its own name.
    /// </summary>
    public const string UserGraphStateName = "user-graph";
}
