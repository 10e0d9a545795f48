namespace UserGraph.Grains.Interfaces;

/// <summary>
/// How a community relates its users; fixed per deployment (<c>Community:Mode</c>). The silo
/// refuses to start when the stored data was written in the other mode.
/// </summary>
public enum CommunityMode
{
    /// <summary>One-way follows.</summary>
    Follow,

    /// <summary>Mutual connections made by request and acceptance.</summary>
    Connection,
}
