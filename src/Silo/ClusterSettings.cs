namespace UserGraph.Silo;

/// <summary>The silo's cluster identity and ports, bound from the <c>Orleans</c> section.</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Orleans";

    /// <summary>Silos and clients with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "user-graph-dev";

    /// <summary>Stored with every grain state row: changing it orphans all stored data.</summary>
    public string ServiceId { get; set; } = "user-graph";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;
}
