using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UserGraph.Bench.Harness;

/// <summary>
/// The webhook step: a local receiver that measures each delivery's delay (arrival minus the
/// change's stored time in the payload), and the registration of an endpoint pointing at it.
/// </summary>
public static class WebhookBench
{
    /// <summary>Receives until stopped; <c>GET /stats</c> answers "count p50 p99" of first arrivals, in ms.</summary>
    /// <remarks>
    /// It shares the machine's two cores with the service it measures, so it is kept lean: one
    /// terminal handler without routing, and a forward-only read of the one property it needs.
    /// With a minimal-API endpoint and a parsed document it took a third of the service's CPU.
    /// </remarks>
    public static async Task ReceiveAsync(int port)
    {
        var delays = new ConcurrentDictionary<string, double>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            if (context.Request.Path == "/hooks")
            {
                var arrived = DateTimeOffset.UtcNow;
                var reader = context.Request.BodyReader;
                var body = await ReadBodyAsync(reader);
                delays.TryAdd(context.Request.Headers["webhook-id"].ToString(), (arrived - StoredTime(body)).TotalMilliseconds);
                // Consumed, or the connection cannot be kept for the next request.
                reader.AdvanceTo(body.End);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            var sorted = delays.Values.Order().ToArray();
            double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
            await context.Response.WriteAsync(string.Format(CultureInfo.InvariantCulture, "{0} {1:0.00} {2:0.00}", sorted.Length, At(0.5), At(0.99)));
        });
        await app.RunAsync();
    }

    private static async Task<ReadOnlySequence<byte>> ReadBodyAsync(PipeReader reader)
    {
        while (true)
        {
            var read = await reader.ReadAsync();
            if (read.IsCompleted)
            {
                return read.Buffer;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static DateTimeOffset StoredTime(ReadOnlySequence<byte> body)
    {
        var json = new Utf8JsonReader(body);
        while (json.Read())
        {
            if (json.TokenType == JsonTokenType.PropertyName && json.CurrentDepth == 1 && json.ValueTextEquals("timestamp"u8))
            {
                json.Read();
                return json.GetDateTimeOffset();
            }

            if (json.TokenType == JsonTokenType.StartObject && json.CurrentDepth == 1)
            {
                json.Skip();
            }
        }

        throw new InvalidDataException("A webhook payload without a timestamp.");
    }

    public static async Task RegisterAsync(string serviceUrl, string signingKey, string receiverUrl)
    {
        using var client = AdminClient(serviceUrl, signingKey);
        var secret = "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var body = JsonSerializer.Serialize(new { url = receiverUrl, secret, events = new[] { "*" } });
        var response = await client.PostAsync("/admin/webhooks", new StringContent(body, Encoding.UTF8, "application/json"));
        Console.WriteLine($"webhook endpoint registered: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Pauses or resumes an endpoint through the admin API, as an operator would.</summary>
    public static async Task SetPausedAsync(string serviceUrl, string signingKey, string endpointId, bool paused)
    {
        using var client = AdminClient(serviceUrl, signingKey);
        var response = await client.PostAsync($"/admin/webhooks/{endpointId}/{(paused ? "pause" : "resume")}", null);
        Console.WriteLine($"webhook endpoint {endpointId} {(paused ? "paused" : "resumed")}: {(int)response.StatusCode}");
        response.EnsureSuccessStatusCode();
    }

    private static HttpClient AdminClient(string serviceUrl, string signingKey)
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "user-graph-bench",
            Audience = "user-graph",
            Subject = new ClaimsIdentity([new Claim("sub", "1"), new Claim("scope", "graph:admin")]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), SecurityAlgorithms.HmacSha256),
        });
        var client = new HttpClient { BaseAddress = new Uri(serviceUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
