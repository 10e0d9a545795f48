using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using UserGraph.Silo;
using UserGraph.Tests.Gateway;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Operations;

[Collection(DefaultGatewayCollection.Name)]
public class OperationsEndpointsTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_anonymously(string path)
    {
        var response = await gateway.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_fails_when_the_database_does_not_answer()
    {
        var check = new PostgresHealthCheck(Options.Create(new GraphDatabaseOptions
        {
            ConnectionString = $"Host=127.0.0.1;Port={TestDatabase.FreeTcpPort()};Username=nobody;Timeout=2",
        }));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_mapped_route_with_the_bearer_scheme()
    {
        var response = await gateway.Anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {Normalize(path.Name)}"))
            .ToHashSet();

        var mapped = gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/") || e.RoutePattern.RawText.StartsWith("/admin/"))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(method => $"{method} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        Assert.True(mapped.Count >= 30, $"only {mapped.Count} routes found");
        Assert.Empty(mapped.Except(documented));
        // Our extensions come with response schemas.
        var paths = document.RootElement.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/v2/user/relationships", "get"), ("/api/v2/user/relationships/among", "post"),
            ("/api/v2/user/{id}/block", "put"), ("/api/v2/user/{id}/followers_you_know", "get"), ("/api/v2/user/blocked_users", "get"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} not documented: " + string.Join(" ", paths.EnumerateObject().Select(p => p.Name)));
            var ok = item.GetProperty(method).GetProperty("responses").GetProperty("200");
            Assert.True(ok.TryGetProperty("content", out _), $"{method} {path}: {ok}");
            Assert.True(ok.GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _), $"{method} {path} has no response schema");
        }

        Assert.Contains("private", paths.GetProperty("/api/v2/user/relationships/among").GetProperty("post").GetProperty("description").GetString());
        Assert.Equal("http", document.RootElement.GetProperty("components").GetProperty("securitySchemes")
            .GetProperty("Bearer").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Metrics_are_scraped_in_prometheus_format_with_http_and_orleans_meters()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());
        await client.GetAsync("/api/v2/user/5/counters/");

        var text = await Eventually.ValueAsync(
            () => gateway.Anonymous.GetStringAsync("/metrics"),
            metrics => metrics.Contains("http_server_request_duration") && metrics.Contains("orleans_app_requests_latency"),
            "HTTP and Orleans metrics in the scrape");

        Assert.Contains("# TYPE", text);
        // Request durations in buckets fine enough to tell a p99 of 12 ms from one of 24.
        Assert.Contains(text.Split('\n'), line => line.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal) && line.Contains("le=\"0.015\"", StringComparison.Ordinal));
        // Dropped: recorded on every request, and said already by the request duration.
        Assert.DoesNotContain("aspnetcore_routing_match_attempts", text);
        Assert.DoesNotContain("aspnetcore_authentication_authenticate_duration", text);
        // Dropped: recorded on every buffer or grain message; the grain call latency stays.
        Assert.DoesNotContain("aspnetcore_memory_pool_rented", text);
        Assert.DoesNotContain("orleans_messaging_processing_ima_received", text);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_for_operators_only()
    {
        using var user = gateway.ClientFor(TestUsers.NewId());

        await HttpAssert.Problem(await gateway.Anonymous.GetAsync("/dashboard"), HttpStatusCode.Unauthorized);
        await HttpAssert.Problem(await user.GetAsync("/dashboard"), HttpStatusCode.Forbidden);
    }

    private static string Normalize(string path) => "/" + path.Trim('/');
}
