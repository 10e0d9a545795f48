using System.Text;

namespace UserGraph.Bench.Harness;

/// <summary>
/// The import benchmark's input: <c>users</c> users with <c>follows</c> follows each, as the
/// usergraph tool reads them (<c>follow,from,to</c>) and, row for row, as the two-column file the
/// PostgreSQL COPY baseline loads.
/// </summary>
public static class ImportFiles
{
    public static async Task WriteAsync(string importPath, string pairsPath, int users, int follows)
    {
        var random = new Random(11);
        await using var import = new StreamWriter(importPath, false, new UTF8Encoding(false), 1 << 20);
        await using var pairs = new StreamWriter(pairsPath, false, new UTF8Encoding(false), 1 << 20);
        await import.WriteLineAsync("kind,from_id,to_id");
        long rows = 0;
        var chosen = new HashSet<int>();
        for (var u = 1; u <= users; u++)
        {
            chosen.Clear();
            while (chosen.Count < follows)
            {
                var to = random.Next(1, users + 1);
                if (to != u && chosen.Add(to))
                {
                    await import.WriteLineAsync($"follow,{u},{to}");
                    await pairs.WriteLineAsync($"{u},{to}");
                    rows++;
                }
            }
        }

        Console.WriteLine($"import-files {rows} rows");
    }
}
