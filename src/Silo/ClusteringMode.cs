namespace UserGraph.Silo;

/// <summary>How the silos of a cluster find each other.</summary>
public enum ClusteringMode
{
    /// <summary>Development: one machine, membership held in memory by the primary silo.</summary>
    Localhost,

    /// <summary>Production: membership in the graph's PostgreSQL database (Orleans ADO.NET clustering).</summary>
    Postgres,
}
