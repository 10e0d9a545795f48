using Npgsql;

namespace UserGraph.Silo;

/// <summary>
/// Where the graph is stored (<c>ConnectionStrings:Postgres</c>), and how many connections one
/// process may hold to it (<c>Graph:Database:MaxConnections</c>).
/// </summary>
/// <remarks>
/// Every pool the process opens draws on the one budget: the journal's own data source, and the
/// pool that grain storage, reminders, clustering, stream subscriptions, health and repair share
/// (Npgsql pools by connection string). Work beyond it waits for a free connection instead of
/// opening more, and connections once opened stay open: a pool that grew to a hundred under an
/// activation storm closed them all at once five minutes later, and opened them all again at the
/// next storm, each time stalling PostgreSQL for hundreds of milliseconds (bench/RESULTS.md, the
/// soak).
/// </remarks>
public sealed class GraphDatabaseOptions
{
    public const string ConnectionStringName = "Postgres";

    public const string MaxConnectionsKey = "Graph:Database:MaxConnections";

    public const int DefaultMaxConnections = 40;

    /// <summary>The connection string as configured.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The most connections this process opens, all pools together.</summary>
    public int MaxConnections { get; set; } = DefaultMaxConnections;

    /// <summary>The journal's share: its group commit (4 writers and the acknowledgements) and the reads of activations.</summary>
    public int JournalConnections => Math.Max(4, MaxConnections * 2 / 5);

    /// <summary>For the Orleans providers and every other plain connection: the rest of the budget.</summary>
    public string SharedConnectionString => WithPool(MaxConnections - JournalConnections);

    /// <summary>An open connection from the shared pool.</summary>
    public async Task<NpgsqlConnection> OpenSharedAsync()
    {
        var connection = new NpgsqlConnection(SharedConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>For the journal's own data source.</summary>
    public string JournalConnectionString => WithPool(JournalConnections);

    // Connections once opened are kept (the minimum is the maximum): a pool pruned to nothing after
    // a quiet spell opened its connections together at the next burst, and PostgreSQL stalled
    // up to 0.8 s on it (the soak, even with the budget).
    // Statements run again and again (the journal's append, the dispatch read, storage reads) are
    // prepared after their second use, so they are not planned on every call: once measured, the
    // dispatch read on the partitioned change log planned in 2.2 ms and ran in 0.9 ms.
    private string WithPool(int size) =>
        new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            MaxPoolSize = Math.Max(2, size),
            MinPoolSize = Math.Max(2, size),
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
        }.ConnectionString;
}
