namespace UserGraph.Tests.Infrastructure;

/// <summary>Runs <c>scripts/postgres.sh</c>, the one script that starts and stops every PostgreSQL the project uses.</summary>
public static class PostgresScript
{
    // Tests never survive a machine crash anyway; skipping fsync makes them several times faster.
    public static async Task<string> RunAsync(string[] arguments, string? serverOptions = null)
    {
        var environment = new Dictionary<string, string> { ["PG_FSYNC"] = "off" };
        if (serverOptions is not null)
        {
            environment["PG_OPTIONS"] = serverOptions;
        }

        var result = await ExternalProcess.RunAsync(
            "bash", [Path.Combine(ExternalProcess.RepositoryRoot(), "scripts", "postgres.sh"), .. arguments], environment: environment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {string.Join(' ', arguments)} failed: {result.Error}");
        }

        return result.Output.Trim();
    }
}
