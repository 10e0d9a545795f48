namespace UserGraph.Silo;

/// <summary>Where the graph is stored: <c>ConnectionStrings:Postgres</c>.</summary>
public sealed class GraphDatabaseOptions
{
    public const string ConnectionStringName = "Postgres";

    public string ConnectionString { get; set; } = "";
}
