using System.Net.Http.Headers;

namespace UserGraph.Bench.Harness;

/// <summary>
/// Takes every caller of the data file through one follow and one unfollow of its target, as
/// bench/load.lua's follow mode will: the pairs the measured run toggles are then warm on both
/// sides (for the service: both grains active and their change streams registered; for the
/// peer: the rows' pages cached), so the run measures steady-state writes, not first touches.
/// </summary>
public static class FollowWarmup
{
    public static async Task RunAsync(string baseUrl, string pathTemplate, string dataFile, int connections)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var callers = File.ReadLines(dataFile)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(fields => (Token: fields[0], Target: fields[2]))
            .ToArray();
        var failures = 0;
        await Parallel.ForEachAsync(callers, new ParallelOptions { MaxDegreeOfParallelism = connections }, async (caller, cancellation) =>
        {
            foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete })
            {
                using var request = new HttpRequestMessage(method, string.Format(pathTemplate, caller.Target));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
                using var response = await http.SendAsync(request, cancellation);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });

        if (failures > 0)
        {
            Console.Error.WriteLine($"follow warm-up: {failures} requests failed");
        }
    }
}
