namespace UserGraph.Silo;

/// <summary>What one process of the service runs (<c>Orleans:Role</c>).</summary>
public enum HostRole
{
    /// <summary>A silo with the REST gateway co-hosted (the default).</summary>
    Silo,

    /// <summary>The REST gateway only, as an Orleans client of the cluster.</summary>
    Gateway,
}
