using System.Diagnostics;

namespace UserGraph.Bench.Harness;

/// <summary>
/// Statuses of users no request has touched since the service started (each read loads the
/// user's snapshot and journal), one request at a time so the figure is latency, not queueing;
/// then the same users again, now active, as the baseline of the same run.
/// </summary>
public static class ColdReads
{
    public static async Task RunAsync(string statusesUrl, string coldFile)
    {
        using var http = new HttpClient();
        var users = File.ReadLines(coldFile)
            .Select(line => line.Split(' '))
            .Select(fields => (Token: fields[0], Ids: fields[1..]))
            .ToArray();
        foreach (var pass in new[] { "cold", "warm" })
        {
            var latencies = new List<double>();
            foreach (var (token, ids) in users)
            {
                using var request = StatusesRequestMessage.Create(statusesUrl, token, ids);
                var clock = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                response.EnsureSuccessStatusCode();
            }

            latencies.Sort();
            var p50 = latencies[latencies.Count / 2];
            var p99 = latencies[(int)(latencies.Count * 0.99)];
            // Same columns as bench/run.sh's results: workload target conns req/s p50 p99.
            Console.WriteLine($"statuses-1k-edges {pass}-read 1 {1000 / latencies.Average():0} {p50:0.00} {p99:0.00}");
        }
    }
}
