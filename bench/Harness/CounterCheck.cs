using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace UserGraph.Bench.Harness;

/// <summary>
/// After a soak: for a sample of callers, the counters the service reports must equal the lengths
/// of the lists it serves (followers and followings, every page), and every id a list names once.
/// </summary>
public static class CounterCheck
{
    public static async Task<bool> RunAsync(string baseUrl, string dataFile, int sample)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var tokens = File.ReadLines(dataFile).Select(line => line.Split(' ', 2)[0]).ToArray();
        var chosen = tokens.Where((_, index) => index % Math.Max(1, tokens.Length / sample) == 0).Take(sample).ToArray();
        var mismatches = 0;
        foreach (var token in chosen)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var me = Subject(token);
            using var counters = JsonDocument.Parse(await http.GetStringAsync($"/api/v2/user/{me}/counters/"));
            foreach (var list in new[] { "followers", "followings" })
            {
                var expected = counters.RootElement.GetProperty(list).GetInt32();
                var ids = await ListAsync(http, $"/api/v2/user/{me}/{list}/");
                if (ids.Count != expected || ids.Distinct().Count() != ids.Count)
                {
                    mismatches++;
                    Console.WriteLine($"user {me}: {list} counter {expected}, list {ids.Count} ({ids.Distinct().Count()} distinct)");
                }
            }
        }

        Console.WriteLine($"counters checked against lists: {chosen.Length} users, {mismatches} mismatches");
        return mismatches == 0;
    }

    private static async Task<List<long>> ListAsync(HttpClient http, string path)
    {
        var ids = new List<long>();
        string? next = path + "?limit=100";
        while (next is not null)
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync(next));
            ids.AddRange(page.RootElement.GetProperty("results").EnumerateArray().Select(user => user.GetProperty("id").GetInt64()));
            next = page.RootElement.GetProperty("next").GetString();
        }

        return ids;
    }

    private static string Subject(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return claims.RootElement.GetProperty("sub").GetString()!;
    }
}
