namespace UserGraph.Gateway;

/// <summary>How a community relates its users; fixed per deployment.</summary>
public enum CommunityMode
{
    /// <summary>One-way follows.</summary>
    Follow,

    /// <summary>Mutual connections made by request and acceptance.</summary>
    Connection,
}
