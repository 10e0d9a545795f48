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
        var connectionString = await RunScriptAsync("start", dataDirectory, FreeTcpPort().ToString());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunScriptAsync("destroy", dataDirectory).GetAwaiter().GetResult();
        return connectionString;
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        // Tests never survive a machine crash anyway; skipping fsync makes them several times faster.
        var result = await ExternalProcess.RunAsync(
            "bash",
            [Path.Combine(ExternalProcess.RepositoryRoot(), "scripts", "postgres.sh"), .. arguments],
            environment: new Dictionary<string, string> { ["PG_FSYNC"] = "off" });
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {string.Join(' ', arguments)} failed: {result.Error}");
        }

        return result.Output.Trim();
    }
}
