using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Operations;

/// <summary>
/// The service's own logging configuration (appsettings.json, not the tests' quiet default)
/// during 1,000 requests: follows of users never seen before, so every request places grains,
/// and statuses reads.
/// </summary>
public class LogVolumeTests(ITestOutputHelper output)
{
    private const int Requests = 1000;

    [Fact]
    public async Task At_the_default_configuration_requests_write_no_routine_log_lines()
    {
        var written = await EntriesDuringRequestsAsync([]);

        // Warnings and errors are what the default level is for (a slow mirror under a loaded
        // CI machine, say); nothing below them may be written per request.
        var routine = written.Where(entry => entry.Level < LogLevel.Warning).ToList();
        Assert.True(routine.Count == 0, Describe(routine));
    }

    [Fact]
    public async Task Request_logging_when_turned_on_writes_one_line_per_request()
    {
        var written = await EntriesDuringRequestsAsync([new("Gateway:LogRequests", "true")]);

        var requestLines = written.Count(entry => entry.Category.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal));
        Assert.Equal(Requests, requestLines);
        var routine = written.Where(entry => entry.Level < LogLevel.Warning).ToList();
        Assert.True(routine.Count == Requests, Describe(routine));
    }

    private async Task<IReadOnlyList<(string Category, LogLevel Level)>> EntriesDuringRequestsAsync(KeyValuePair<string, string?>[] settings)
    {
        var counter = new LogEntryCounter();
        await using var service = new GatewayFactory(
            await TestDatabase.GetConnectionStringAsync(),
            [
                new("Logging:LogLevel:Default", null),
                // 1,000 requests as fast as one client sends them, which the limits would refuse.
                new("Gateway:RateLimit:UserPermitsPerSecond", "100000"),
                new("Gateway:RateLimit:UserBurst", "100000"),
                new("Gateway:RateLimit:AddressPermitsPerSecond", "100000"),
                new("Gateway:RateLimit:AddressBurst", "100000"),
                .. settings,
            ],
            services => services.AddSingleton<ILoggerProvider>(counter));
        service.StartServer();
        using var client = service.CreateClient();
        var caller = TestUsers.NewId();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestJwt.For(caller));
        // Warm: the first requests start things that log once (startup, schema checks).
        (await client.PostAsync($"/api/v2/user/{TestUsers.NewId()}/follow/", null)).EnsureSuccessStatusCode();

        var before = counter.Count;
        for (var i = 0; i < Requests; i++)
        {
            using var response = i % 2 == 0
                ? await client.PostAsync($"/api/v2/user/{TestUsers.NewId()}/follow/", null)
                : await client.PostAsync(
                    "/api/v2/user/connection/statuses/",
                    new StringContent($$"""{"users": [{{TestUsers.NewId()}}, {{caller}}]}""", Encoding.UTF8, "application/json"));
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage!.RequestUri}: {response.StatusCode}");
        }

        var written = counter.Since(before);
        output.WriteLine($"{written.Count} log entries during {Requests} requests");
        return written;
    }

    private static string Describe(IReadOnlyList<(string Category, LogLevel Level)> written) =>
        string.Join(", ", written.GroupBy(entry => $"{entry.Level} {entry.Category}").Select(group => $"{group.Count()} x {group.Key}"));
}
