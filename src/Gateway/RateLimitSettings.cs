namespace UserGraph.Gateway;

/// <summary>
/// Token buckets per authenticated user (by <c>sub</c>) and, for requests without a valid token,
/// per client address. Bound from <c>Gateway:RateLimit</c>.
/// </summary>
public sealed class RateLimitSettings
{
    /// <summary>Requests a user may make per second, sustained.</summary>
    public int UserPermitsPerSecond { get; set; } = 100;

    /// <summary>Requests a user may make at once after being idle.</summary>
    public int UserBurst { get; set; } = 200;

    /// <summary>Unauthenticated requests one address may make per second, sustained.</summary>
    public int AddressPermitsPerSecond { get; set; } = 20;

    /// <summary>Unauthenticated requests one address may make at once.</summary>
    public int AddressBurst { get; set; } = 100;
}
