namespace UserGraph.Silo;

/// <summary>The silo's cluster identity, membership and endpoints, bound from the <c>Orleans</c> section.</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Orleans";

    /// <summary>
    /// How silos find each other. (Not named "Clustering": Orleans reads <c>Orleans:Clustering</c>
    /// itself, as a provider name.)
    /// </summary>
    public ClusteringMode Membership { get; set; } = ClusteringMode.Localhost;

    /// <summary>Silos and clients with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "user-graph-dev";

    /// <summary>Stored with every grain state row: changing it orphans all stored data.</summary>
    public string ServiceId { get; set; } = "user-graph";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos and clients use to reach this silo (cluster mode); when unset,
    /// Orleans picks this host's first non-loopback address, which suits containers.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Localhost mode: the silo port of the silo that hosts the development membership table; the
    /// silo itself unless set.
    /// </summary>
    public int? PrimarySiloPort { get; set; }
}
