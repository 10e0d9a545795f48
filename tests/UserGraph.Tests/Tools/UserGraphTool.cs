using System.Diagnostics;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Tools;

/// <summary>The usergraph command-line tool as an operator runs it: its own process, its exit code and output.</summary>
public static class UserGraphTool
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "usergraph.dll");

    public static Task<ExternalProcess.Result> RunAsync(string connectionString, string serviceId, params string[] arguments) =>
        ExternalProcess.RunAsync("dotnet", [Dll, .. arguments], environment: Environment(connectionString, serviceId), timeout: TimeSpan.FromMinutes(3));

    /// <summary>Starts the tool without waiting for it (to kill it part way).</summary>
    public static Process Start(string connectionString, string serviceId, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment(connectionString, serviceId))
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// A follow-mode graph of <paramref name="users"/> users, each following <paramref name="follows"/>
    /// others, every tenth user hiding one and every fiftieth blocking one, in a shuffled order with repeats.
    /// </summary>
    public static string WriteGraphFile(string path, int users, int follows, int seed = 1)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        for (var u = 1; u <= users; u++)
        {
            for (var k = 0; k < follows; k++)
            {
                var to = random.Next(1, users + 1);
                if (to != u)
                {
                    lines.Add($"follow,{u},{to}");
                }
            }

            if (u % 10 == 0)
            {
                lines.Add($"hide,{u},{u / 10}");
            }

            if (u % 50 == 0)
            {
                lines.Add($"block,{u},{u - 1}");
            }
        }

        lines.AddRange(lines.Take(lines.Count / 20).ToList());
        File.WriteAllLines(path, ["kind,from_id,to_id", .. lines.OrderBy(_ => random.Next())]);
        return path;
    }

    private static Dictionary<string, string> Environment(string connectionString, string serviceId) => new()
    {
        ["ConnectionStrings__Postgres"] = connectionString,
        ["Orleans__ServiceId"] = serviceId,
    };
}
