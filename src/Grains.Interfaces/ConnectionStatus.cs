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

    /// <summary>Follow mode: the user follows the other user (<c>"followed"</c>).</summary>
    Followed = 1,

    /// <summary>Connection mode: the two users are connected (<c>"connected"</c>).</summary>
    Connected = 2,

    /// <summary>Connection mode: the user asked the other to connect (<c>"sent_connection_request"</c>).</summary>
    ConnectionRequestSent = 3,

    /// <summary>
    /// Connection mode: the other user asked this one to connect and it was not rejected
    /// (<c>"received_connection_request"</c>).
    /// </summary>
    ConnectionRequestReceived = 4,
}
