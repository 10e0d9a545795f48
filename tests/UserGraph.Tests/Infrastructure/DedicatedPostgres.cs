using System.Diagnostics;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server of one test class's own, for tests that stop, kill or starve
/// it; the shared test database is never touched by them.
/// </summary>
public sealed class DedicatedPostgres : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly string _port;
    private readonly string? _serverOptions;

    private DedicatedPostgres(string dataDirectory, string port, string? serverOptions, string connectionString)
    {
        _dataDirectory = dataDirectory;
        _port = port;
        _serverOptions = serverOptions;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <param name="serverOptions">Server settings, e.g. <c>-c max_connections=50</c>.</param>
    public static async Task<DedicatedPostgres> StartAsync(string? serverOptions = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"usergraph-dedicated-{Guid.NewGuid():N}");
        var port = TestDatabase.FreeTcpPort().ToString();
        var connectionString = await PostgresScript.RunAsync(["start", dataDirectory, port], serverOptions);
        return new DedicatedPostgres(dataDirectory, port, serverOptions, connectionString);
    }

    /// <summary>A clean shutdown: the server terminates every session and exits.</summary>
    public Task StopAsync() => PostgresScript.RunAsync(["stop", _dataDirectory]);

    /// <summary>A crash: the postmaster is killed with SIGKILL; the next start runs crash recovery.</summary>
    public void KillPostmaster()
    {
        var pid = int.Parse(File.ReadLines(Path.Combine(_dataDirectory, "postmaster.pid")).First());
        using var postmaster = Process.GetProcessById(pid);
        postmaster.Kill();
        postmaster.WaitForExit();
    }

    /// <summary>
    /// Starts the server again on the same port and data. After a crash the orphaned backends
    /// need a moment to notice and exit before a new postmaster may take the shared memory.
    /// </summary>
    public async Task StartAgainAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await PostgresScript.RunAsync(["start", _dataDirectory, _port], _serverOptions);
                return;
            }
            catch (InvalidOperationException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(250);
            }
        }
    }

    public async ValueTask DisposeAsync() => await PostgresScript.RunAsync(["destroy", _dataDirectory]);
}
