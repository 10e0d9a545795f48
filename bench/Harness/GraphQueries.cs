using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace UserGraph.Bench.Harness;

/// <summary>
/// Latency of the queries of issue 14 through the running service, one request at a time:
/// followers you know for targets with 100, 10,000 and 1,000,000 followers, asked by a caller
/// following 1,000 users and by one following 1,000,000; and the relations among rooms of 10, 50
/// and 100 seeded users, first called and warm. Every followers-you-know count is checked against the seeding.
/// </summary>
public static class GraphQueries
{
    public static async Task RunAsync(string baseUrl, string signingKey, int users, int requests)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        for (var c = 0; c < BenchUsers.KnownCallerSizes.Length; c++)
        {
            var caller = BenchUsers.KnownCaller(c);
            var followings = BenchUsers.KnownCallerFollowings(c);
            var token = BenchUsers.Token(signingKey, caller);
            for (var t = 0; t < BenchUsers.KnownTargetSizes.Length; t++)
            {
                var size = BenchUsers.KnownTargetSizes[t];
                var expected = followings.Count(id => id - BenchUsers.SeededFollowersBase < size);
                var path = $"/api/v2/user/{BenchUsers.KnownTarget(t)}/followers_you_know/?limit=20";
                // The first request activates both users (loading a 1,000,000-entry snapshot): not the query's cost.
                await TimedAsync(http, HttpMethod.Get, path, token, null, expected);
                var latencies = new List<double>(requests);
                for (var r = 0; r < requests; r++)
                {
                    latencies.Add(await TimedAsync(http, HttpMethod.Get, path, token, null, expected));
                }

                Report($"followers-you-know followers-{size} follows-{followings.Length}", latencies);
            }
        }

        // Twenty rooms of each size, of users drawn from the whole graph: the first pass finds
        // most members inactive (each loads from PostgreSQL), later passes find the room warm, as
        // a lobby's members are while they are online.
        var random = new Random(14);
        foreach (var size in new[] { 10, 50, 100 })
        {
            var rooms = Enumerable.Range(0, 20).Select(_ =>
            {
                var members = new HashSet<long>();
                while (members.Count < size)
                {
                    members.Add(random.Next(1, users + 1));
                }

                return (Members: members.ToArray(), Token: BenchUsers.Token(signingKey, members.First()));
            }).ToArray();
            var cold = new List<double>(rooms.Length);
            var warm = new List<double>(requests);
            for (var r = 0; r < rooms.Length + requests; r++)
            {
                var room = rooms[r % rooms.Length];
                var elapsed = await TimedAsync(http, HttpMethod.Post, "/api/v2/user/relationships/among/", room.Token,
                    JsonContent.Create(new { users = room.Members }), expectedCount: null);
                (r < rooms.Length ? cold : warm).Add(elapsed);
            }

            Report($"room members-{size} first-call", cold);
            Report($"room members-{size} warm", warm);
        }
    }

    private static async Task<double> TimedAsync(HttpClient http, HttpMethod method, string path, string token, HttpContent? body, int? expectedCount)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {answer}");
        }

        if (expectedCount is { } count)
        {
            using var document = JsonDocument.Parse(answer);
            var actual = document.RootElement.GetProperty("count").GetInt32();
            if (actual != count)
            {
                throw new InvalidOperationException($"{path}: count {actual}, seeded {count}");
            }
        }

        return elapsed;
    }

    // Columns: workload target requests p50 p99 (bench/run.sh reads them).
    private static void Report(string name, List<double> latencies)
    {
        latencies.Sort();
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"{name} {latencies.Count} {At(0.5):0.00} {At(0.99):0.00}");
    }
}
