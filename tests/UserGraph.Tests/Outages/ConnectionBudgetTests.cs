using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using UserGraph.Tests.Consistency;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Outages;

/// <summary>
/// An activation storm against a stock-sized PostgreSQL: a thousand users nobody has touched act
/// at once on a server that takes 50 connections. The service stays inside its budget (default 40)
/// and queues the rest; no request fails.
/// </summary>
[Collection(BurstCollection.Name)]
public class ConnectionBudgetTests(ITestOutputHelper output)
{
    private const int Users = 1000;
    private const int Celebrities = 10;

    [Fact]
    public async Task A_thousand_cold_users_at_once_on_a_50_connection_server_get_no_5xx()
    {
        await using var server = await DedicatedPostgres.StartAsync("-c max_connections=50");
        await using var service = new GatewayFactory(server.ConnectionString);
        service.StartServer();
        using var anonymous = service.CreateClient();
        var users = Enumerable.Range(0, Users).Select(_ => TestUsers.NewId()).ToArray();
        var celebrities = Enumerable.Range(0, Celebrities).Select(_ => TestUsers.NewId()).ToArray();

        using var watching = new CancellationTokenSource();
        var peak = WatchConnectionsAsync(server.ConnectionString, watching.Token);
        var answers = await Task.WhenAll(users.Select((user, index) => ActAsync(anonymous, user, celebrities[index % Celebrities], celebrities)));
        await watching.CancelAsync();
        var peakConnections = await peak;

        output.WriteLine(
            $"{Users} cold users, each a statuses read and a follow: " +
            string.Join(", ", answers.SelectMany(a => a).GroupBy(s => (int)s).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {g.Key}")) +
            $"; at most {peakConnections} connections from the service (server max_connections 50)");
        Assert.All(answers.SelectMany(a => a), status => Assert.True((int)status is >= 200 and < 300, $"answered {status}"));
        Assert.InRange(peakConnections, 1, 40);
        foreach (var celebrity in celebrities)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v2/user/{celebrity}/counters/");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestJwt.For(celebrity));
            using var answer = await anonymous.SendAsync(request);
            using var counters = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal(Users / Celebrities, counters.RootElement.GetProperty("followers").GetInt32());
        }
    }

    private static async Task<HttpStatusCode[]> ActAsync(HttpClient http, long user, long celebrity, long[] celebrities)
    {
        using var read = new HttpRequestMessage(HttpMethod.Post, "/api/v2/user/connection/statuses/")
        {
            Content = JsonContent.Create(new { users = celebrities }),
        };
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestJwt.For(user));
        using var follow = new HttpRequestMessage(HttpMethod.Put, $"/api/v2/user/{celebrity}/follow/");
        follow.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestJwt.For(user));
        using var readAnswer = await http.SendAsync(read);
        using var followAnswer = await http.SendAsync(follow);
        return [readAnswer.StatusCode, followAnswer.StatusCode];
    }

    /// <summary>The most sessions the service held on the server at once, sampled every 20 ms.</summary>
    private static async Task<int> WatchConnectionsAsync(string connectionString, CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()", connection);
        var peak = 0;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, (int)(long)(await count.ExecuteScalarAsync(CancellationToken.None))!);
            await Task.Delay(20, CancellationToken.None);
        }

        return peak;
    }
}
