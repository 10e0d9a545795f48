using System.Net;
using System.Net.Sockets;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL every integration test uses: <c>ConnectionStrings__Postgres</c> when set,
/// else a throwaway server started once per test run with the same script ./run.sh uses, and
/// stopped when the test process exits. Tests isolate themselves by Orleans ServiceId.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<string>> ConnectionString = new(StartAsync);

    public static Task<string> GetConnectionStringAsync() => ConnectionString.Value;

    /// <summary>
    /// A new, empty database on the test server, for tests that change what every user of a
    /// database shares (the change log's partitions and horizon).
    /// </summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var shared = await GetConnectionStringAsync();
        var name = $"usergraph_{Guid.NewGuid():N}";
        await using (var connection = new Npgsql.NpgsqlConnection(shared))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(shared) { Database = name }.ConnectionString;
    }

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), $"usergraph-tests-{Guid.NewGuid():N}");
        var connectionString = await PostgresScript.RunAsync(["start", dataDirectory, FreeTcpPort().ToString()]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => PostgresScript.RunAsync(["destroy", dataDirectory]).GetAwaiter().GetResult();
        return connectionString;
    }
}
