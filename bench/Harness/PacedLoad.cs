using System.Diagnostics;

namespace UserGraph.Bench.Harness;

/// <summary>
/// Statuses at a fixed rate for a fixed time (64 callers, each sending on its own schedule),
/// across a restart of the service that bench/run.sh makes meanwhile and notes in EVENTS_FILE
/// ("stop UNIX_MS", "ready UNIX_MS"). Latency counts from when a request was due, so a request
/// held up by the restart is not hidden by the ones that were never sent. Prints a line per
/// second, then: the steady p99 before the stop; the time from the stop until every later
/// second's p99 is within 2x of it with no failure; and 5xx answers outside stop..ready.
/// </summary>
public static class PacedLoad
{
    private const int Callers = 64;

    public static async Task RunAsync(string statusesUrl, string dataFile, int rate, int seconds, string eventsFile)
    {
        var lines = (await File.ReadAllLinesAsync(dataFile)).Select(line => line.Split(' ')).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Callers, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        var windows = Enumerable.Range(0, seconds).Select(_ => new Window()).ToArray();
        var startedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds((double)Callers / rate);
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            // Callers start spread over one interval, each on its own lines of the file.
            var due = interval * caller / Callers;
            for (var n = 0; due < TimeSpan.FromSeconds(seconds); n++, due += interval)
            {
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var fields = lines[(caller + n * Callers) % lines.Length];
                using var request = StatusesRequestMessage.Create(statusesUrl, fields[0], fields[1..]);
                var outcome = Outcome.Error;
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    outcome = response.IsSuccessStatusCode ? Outcome.Ok : (int)response.StatusCode >= 500 ? Outcome.ServerError : Outcome.OtherStatus;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                }

                windows[(int)due.TotalSeconds].Add(outcome, (clock.Elapsed - due).TotalMilliseconds);
            }
        })));

        var events = File.Exists(eventsFile)
            ? File.ReadLines(eventsFile).Select(line => line.Split(' ')).ToDictionary(fields => fields[0], fields => (long.Parse(fields[1]) - startedAt) / 1000.0)
            : [];
        Report(windows, events.GetValueOrDefault("stop", seconds), events.GetValueOrDefault("ready", seconds));
    }

    private static void Report(Window[] windows, double stop, double ready)
    {
        Console.WriteLine("second  sent    ok   5xx other errors   p50 ms   p99 ms");
        for (var second = 0; second < windows.Length; second++)
        {
            var window = windows[second];
            Console.WriteLine(FormattableString.Invariant(
                $"{second,6} {window.Sent,5} {window.Ok,5} {window.ServerErrors,5} {window.OtherStatus,5} {window.Errors,6} {window.Percentile(0.5),8:0.00} {window.Percentile(0.99),8:0.00}"));
        }

        // Steady: every request due from the 2nd second to the one before the stop.
        var steady = new Window();
        foreach (var window in windows.Take((int)stop).Skip(2))
        {
            steady.AddAll(window);
        }

        var steadyP99 = steady.Percentile(0.99);
        var recovered = windows.Length;
        for (var second = windows.Length - 1; second >= (int)stop; second--)
        {
            var window = windows[second];
            if (window.Percentile(0.99) > 2 * steadyP99 || window.Errors + window.ServerErrors + window.OtherStatus > 0)
            {
                break;
            }

            recovered = second;
        }

        var serverErrorsOutside = windows.Select((window, second) => (window, second))
            .Where(entry => entry.second + 1 <= stop || entry.second >= ready)
            .Sum(entry => entry.window.ServerErrors);
        Console.WriteLine(FormattableString.Invariant($"paced-load steady-p99-ms {steadyP99:0.00}"));
        Console.WriteLine(FormattableString.Invariant($"paced-load stop-to-ready-s {ready - stop:0.0}"));
        Console.WriteLine(FormattableString.Invariant($"paced-load stop-to-recovered-s {Math.Max(0, recovered - stop):0.0}"));
        Console.WriteLine(FormattableString.Invariant($"paced-load ready-to-recovered-s {Math.Max(0, recovered - ready):0.0}"));
        Console.WriteLine($"paced-load failed-in-window {windows.Where((_, second) => second + 1 > stop && second < ready).Sum(window => window.Errors + window.ServerErrors)}");
        Console.WriteLine($"paced-load 5xx-outside-window {serverErrorsOutside}");
    }

    private enum Outcome
    {
        Ok,
        ServerError,
        OtherStatus,
        Error,
    }

    /// <summary>The requests due in one second.</summary>
    private sealed class Window
    {
        private readonly List<double> _latencies = [];

        public int Sent { get; private set; }

        public int Ok { get; private set; }

        public int ServerErrors { get; private set; }

        public int OtherStatus { get; private set; }

        public int Errors { get; private set; }

        public void Add(Outcome outcome, double latencyMs)
        {
            lock (_latencies)
            {
                Sent++;
                switch (outcome)
                {
                    case Outcome.Ok: Ok++; _latencies.Add(latencyMs); break;
                    case Outcome.ServerError: ServerErrors++; break;
                    case Outcome.OtherStatus: OtherStatus++; break;
                    default: Errors++; break;
                }
            }
        }

        public void AddAll(Window other) => _latencies.AddRange(other._latencies);

        public double Percentile(double fraction)
        {
            if (_latencies.Count == 0)
            {
                return double.NaN;
            }

            _latencies.Sort();
            return _latencies[Math.Min(_latencies.Count - 1, (int)(_latencies.Count * fraction))];
        }
    }
}
