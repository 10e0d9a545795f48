namespace UserGraph.Grains.Interfaces;

/// <summary>
/// The relationship of one user to another as the REST API's <c>connection_status</c> names it.
/// </summary>
/// <remarks>Values are stored and sent as numbers: never renumber a member.</remarks>
[GenerateSerializer]
[Alias("UserGraph.ConnectionStatus")]
public enum ConnectionStatus : byte
{
    /// <summary>No relationship (<c>null</c> in the REST API).</summary>
    None = 0,

    /// <summary>The user follows the other user (<c>"followed"</c>).</summary>
    Followed = 1,
}
