using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;
using UserGraph.Grains;

namespace UserGraph.Bench.Harness;

/// <summary>
/// PostgreSQL write-ahead log bytes per follow of users with 10, 10,000 and 1,000,000
/// followers: new users follow each one through the service, as many as the journal takes
/// between two snapshots of that user, so the snapshot's cost is in the figure in its due share.
/// Everything the database writes counts: both users' journal entries, the snapshot, indexes.
/// </summary>
public static class BytesPerFollow
{
    public static async Task RunAsync(string baseUrl, string connectionString, string signingKey)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var policy = new GraphJournalOptions();
        for (var i = 0; i < BenchUsers.FollowedSizes.Length; i++)
        {
            var size = BenchUsers.FollowedSizes[i];
            var followed = BenchUsers.Followed(i);
            var follows = Math.Max(policy.MinEntriesBetweenSnapshots, size / policy.EdgesPerEntryBetweenSnapshots);
            var counterToken = BenchUsers.Token(signingKey, followed);

            // Activate the followed user first: loading it is not a follow's cost.
            await FollowersAsync(http, followed, counterToken);
            await QuietAsync(database);
            var before = await WalPositionAsync(database);
            await Parallel.ForEachAsync(Enumerable.Range(0, follows), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (f, cancellation) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v2/user/{followed}/follow/");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BenchUsers.Token(signingKey, BenchUsers.NewFollower(i, f)));
                using var response = await http.SendAsync(request, cancellation);
                response.EnsureSuccessStatusCode();
            });

            while (await FollowersAsync(http, followed, counterToken) < size + follows)
            {
                await Task.Delay(100);
            }

            await QuietAsync(database);
            var bytes = await WalBytesSinceAsync(database, before);
            // Columns: workload target conns follows bytes-per-follow (bench/run.sh reads them).
            Console.WriteLine($"bytes-per-follow followed-by-{size} 16 {follows} {(double)bytes / follows:0}");
        }
    }

    private static async Task<long> FollowersAsync(HttpClient http, long userId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v2/user/{userId}/counters/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Counters>())!.Followers;
    }

    /// <summary>Waits until the log stops growing for a second: background snapshots and deliveries are done.</summary>
    private static async Task QuietAsync(NpgsqlDataSource database)
    {
        var last = await WalPositionAsync(database);
        while (true)
        {
            await Task.Delay(1000);
            var now = await WalPositionAsync(database);
            if (await WalBytesBetweenAsync(database, last, now) < 4096)
            {
                return;
            }

            last = now;
        }
    }

    private static async Task<string> WalPositionAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT pg_current_wal_insert_lsn()::text");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> WalBytesSinceAsync(NpgsqlDataSource database, string since) =>
        await WalBytesBetweenAsync(database, since, await WalPositionAsync(database));

    private static async Task<long> WalBytesBetweenAsync(NpgsqlDataSource database, string from, string to)
    {
        await using var command = database.CreateCommand("SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::bigint");
        command.Parameters.AddWithValue(to);
        command.Parameters.AddWithValue(from);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed record Counters(long Followers, long Followings);
}
