namespace UserGraph.Grains.Interfaces;

/// <summary>What a write does to a one-way edge (a follow, a hide) of the acting user.</summary>
/// <remarks>Sent as a number: never renumber a member; add new ones at the end.</remarks>
[GenerateSerializer]
[Alias("UserGraph.EdgeChange")]
public enum EdgeChange : byte
{
    /// <summary>The edge exists afterwards (idempotent).</summary>
    Add = 0,

    /// <summary>The edge is gone afterwards (idempotent).</summary>
    Remove = 1,

    /// <summary>Adds the edge when it is missing, else removes it (the REST API's legacy toggle; not idempotent).</summary>
    Toggle = 2,
}
