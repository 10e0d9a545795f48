using System.Collections.Concurrent;
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
    public static async Task ReceiveAsync(int port)
    {
        var delays = new ConcurrentDictionary<string, double>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            var arrived = DateTimeOffset.UtcNow;
            using var document = await JsonDocument.ParseAsync(request.Body);
            var stored = DateTimeOffset.Parse(document.RootElement.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);
            delays.TryAdd(request.Headers["webhook-id"].ToString(), (arrived - stored).TotalMilliseconds);
            return Results.NoContent();
        });
        app.MapGet("/stats", () =>
        {
            var sorted = delays.Values.Order().ToArray();
            double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
            return Results.Text(string.Format(CultureInfo.InvariantCulture, "{0} {1:0.00} {2:0.00}", sorted.Length, At(0.5), At(0.99)));
        });
        await app.RunAsync();
    }

    public static async Task RegisterAsync(string serviceUrl, string signingKey, string receiverUrl)
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "user-graph-bench",
            Audience = "user-graph",
            Subject = new ClaimsIdentity([new Claim("sub", "1"), new Claim("scope", "graph:admin")]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), SecurityAlgorithms.HmacSha256),
        });
        using var client = new HttpClient { BaseAddress = new Uri(serviceUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var secret = "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var body = JsonSerializer.Serialize(new { url = receiverUrl, secret, events = new[] { "*" } });
        var response = await client.PostAsync("/admin/webhooks", new StringContent(body, Encoding.UTF8, "application/json"));
        Console.WriteLine($"webhook endpoint registered: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        response.EnsureSuccessStatusCode();
    }
}
