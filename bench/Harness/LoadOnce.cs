using System.Diagnostics;

namespace UserGraph.Bench.Harness;

/// <summary>
/// Sends every line of a token file once (statuses of the line's id, as the line's user) from
/// CONNECTIONS concurrent callers, as fast as answers come, while sampling the service's RSS:
/// the scale step's pass over every user (each request a different user, cold the first time).
/// One line out: load-once NAME requests ok non-2xx errors seconds req/s p50-ms p99-ms peak-rss-mib.
/// </summary>
public static class LoadOnce
{
    public static async Task RunAsync(string name, string statusesUrl, string dataFile, int connections, int servicePid)
    {
        var lines = await File.ReadAllLinesAsync(dataFile);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var latencies = new double[lines.Length];
        int next = -1, ok = 0, refused = 0, errors = 0;
        var peakRss = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, ServiceProcess.RssBytes(servicePid));
                try
                {
                    await Task.Delay(250, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < lines.Length)
            {
                var fields = lines[i].Split(' ');
                using var request = StatusesRequestMessage.Create(statusesUrl, fields[0], fields[1..]);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    Interlocked.Increment(ref response.IsSuccessStatusCode ? ref ok : ref refused);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;

        Array.Sort(latencies);
        Console.WriteLine(FormattableString.Invariant(
            $"load-once {name} {lines.Length} {ok} {refused} {errors} {seconds:0.0} {lines.Length / seconds:0} {latencies[latencies.Length / 2]:0.00} {latencies[(int)(latencies.Length * 0.99)]:0.00} {peakRss / 1048576.0:0}"));
    }
}
