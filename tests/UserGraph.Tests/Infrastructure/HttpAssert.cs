using System.Net;
using System.Text.Json;

namespace UserGraph.Tests.Infrastructure;

public static class HttpAssert
{
    /// <summary>Asserts an RFC 9457 problem answer with the given status; returns its detail.</summary>
    public static async Task<string?> Problem(HttpResponseMessage response, HttpStatusCode status, string? because = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{because}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
    }

    /// <summary>The statuses answer as (key, value) pairs in the order the service wrote them.</summary>
    public static async Task<List<(string Id, string? Status)>> Statuses(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(HttpStatusCode.OK == response.StatusCode, $"Expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal("connection_statuses", Assert.Single(root.EnumerateObject()).Name);
        return root.GetProperty("connection_statuses").EnumerateObject()
            .Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString()))
            .ToList();
    }

    /// <summary>GETs <paramref name="path"/> and returns the boolean <paramref name="property"/> of its JSON answer.</summary>
    public static async Task<bool> BoolAsync(HttpClient client, string path, string property)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(HttpStatusCode.OK == response.StatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty(property).GetBoolean();
    }

    /// <summary>Asserts a 2xx answer and returns its JSON body.</summary>
    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Awaits the request and asserts a 2xx answer.</summary>
    public static async Task Succeeds(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Asserts the 403 problem of an action refused by a block (problem type <c>blocked</c>).</summary>
    public static async Task Blocked(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        await Problem(response, HttpStatusCode.Forbidden);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("blocked", problem.RootElement.GetProperty("type").GetString());
    }
}
