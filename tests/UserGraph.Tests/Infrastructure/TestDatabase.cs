using System.Diagnostics;
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
        var script = Path.Combine(RepositoryRoot(), "scripts", "postgres.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Tests never survive a machine crash anyway; skipping fsync makes them several times faster.
        start.Environment["PG_FSYNC"] = "off";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {string.Join(' ', arguments)} failed: {await error}");
        }

        return (await output).Trim();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UserGraph.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (UserGraph.slnx) above the test binaries.");
    }
}
