namespace UserGraph.Grains;

/// <summary>The edges one user owns toward another, as the other user's grain learns them.</summary>
[Flags]
[GenerateSerializer]
[Alias("UserGraph.EdgeKinds")]
public enum EdgeKinds : byte
{
    None = 0,
    Follows = 1,
    Hides = 2,
    Blocks = 4,
}
