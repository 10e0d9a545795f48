using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// A real HTTP webhook receiver on a fixed local port, which verifies every delivery with the
/// Standard Webhooks library and records the verified ones. It can be stopped and started again
/// on the same port, as a receiver that goes away for a while does.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly int _port = TestDatabase.FreeTcpPort();
    private readonly StandardWebhook _verifier;
    private WebApplication? _app;

    public WebhookReceiver(string secret) => _verifier = new StandardWebhook(secret);

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string Url => $"http://127.0.0.1:{_port}/hooks";

    /// <summary>Every verified delivery, in arrival order (duplicates included).</summary>
    public ConcurrentQueue<Delivery> Received { get; } = new();

    public int Rejected;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            var payload = await new StreamReader(request.Body).ReadToEndAsync();
            try
            {
                _verifier.Verify(payload, request.Headers);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref Rejected);
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            using var document = JsonDocument.Parse(payload);
            var data = document.RootElement.GetProperty("data");
            Received.Enqueue(new Delivery(
                request.Headers["webhook-id"].ToString(),
                document.RootElement.GetProperty("type").GetString()!,
                data.GetProperty("user_id").GetInt64(),
                data.GetProperty("other_user_id").GetInt64(),
                data.GetProperty("position").GetInt64()));
            return Results.NoContent();
        });
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>The first arrival of each message, per user, in arrival order.</summary>
    public Dictionary<long, List<Delivery>> FirstArrivalsByUser() =>
        Received.DistinctBy(d => d.MessageId).GroupBy(d => d.UserId).ToDictionary(g => g.Key, g => g.ToList());

    public ValueTask DisposeAsync() => new(StopAsync());

    public sealed record Delivery(string MessageId, string Type, long UserId, long OtherUserId, long Position);
}
