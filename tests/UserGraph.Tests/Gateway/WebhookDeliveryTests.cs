using System.Net;
using System.Text;
using System.Text.Json;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>
/// Webhooks end to end: registered through the admin API over real HTTP, delivered by the silo's
/// dispatchers to a real receiver that verifies every signature with the Standard Webhooks library.
/// </summary>
public class WebhookDeliveryTests(WebhookDeliveryTests.FastRetryGateway gateway) : IClassFixture<WebhookDeliveryTests.FastRetryGateway>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public sealed class FastRetryGateway : GatewayFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Graph:Webhooks:PollInterval", "00:00:00.050"),
            new("Graph:Webhooks:Retry:InitialDelay", "00:00:00.200"),
            new("Graph:Webhooks:Retry:MaxDelay", "00:00:01"),
            new("Graph:Webhooks:Retry:GiveUpAfter", "00:00:03"),
            new("Graph:Webhooks:RefreshPeriod", "00:00:01"),
        ];
    }

    [Fact]
    public async Task Registering_needs_an_operator_and_a_valid_endpoint()
    {
        using var admin = gateway.ClientWithToken(TestJwt.Operator());
        using var user = gateway.ClientFor(TestUsers.NewId());
        var good = Body("http://127.0.0.1:9/hooks", WebhookReceiver.NewSecret(), "*");

        await HttpAssert.Problem(await user.PostAsync("/admin/webhooks", Json(good)), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await gateway.Anonymous.PostAsync("/admin/webhooks", Json(good)), HttpStatusCode.Unauthorized);
        foreach (var bad in new[]
                 {
                     Body("ftp://example.com/x", WebhookReceiver.NewSecret(), "*"),
                     Body("not a url", WebhookReceiver.NewSecret(), "*"),
                     Body("http://127.0.0.1:9/hooks", "secret", "*"),
                     Body("http://127.0.0.1:9/hooks", "whsec_" + Convert.ToBase64String(new byte[8]), "*"),
                     Body("http://127.0.0.1:9/hooks", WebhookReceiver.NewSecret(), "no.such"),
                     "{\"url\": 1}", "[]", "{", "\"\\ud800\"",
                 })
        {
            await HttpAssert.Problem(await admin.PostAsync("/admin/webhooks", Json(bad)), HttpStatusCode.BadRequest, bad);
        }

        await HttpAssert.Problem(await admin.PostAsync("/admin/webhooks", new ByteArrayContent([0xff, 0xfe, 0x7b])), HttpStatusCode.BadRequest);
        var created = await admin.PostAsync("/admin/webhooks", Json(good));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await HttpAssert.Json(created)).GetProperty("id").GetInt64();
        var listed = await admin.GetStringAsync("/admin/webhooks");
        Assert.Contains($"\"id\":{id}", listed);
        Assert.DoesNotContain("whsec_", listed);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/admin/webhooks/{id}")).StatusCode);
        await HttpAssert.Problem(await admin.DeleteAsync($"/admin/webhooks/{id}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await admin.DeleteAsync("/admin/webhooks/abc"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_change_arrives_signed_in_order_per_user_even_when_the_receiver_was_down()
    {
        var secret = WebhookReceiver.NewSecret();
        await using var receiver = new WebhookReceiver(secret);
        await receiver.StartAsync();
        using var admin = gateway.ClientWithToken(TestJwt.Operator());
        await CreateAsync(admin, Body(receiver.Url, secret, "follow.*", "follower.*"));
        var users = Enumerable.Range(0, 6).Select(_ => TestUsers.NewId()).ToArray();

        await FollowAllAsync(users, round: 0);
        await Eventually.HoldsAsync(() => Task.FromResult(Expected(receiver, users) >= users.Length * 2), Patience, "the first round");
        await receiver.StopAsync();
        await FollowAllAsync(users, round: 1);
        await Task.Delay(700);
        await receiver.StartAsync();
        await FollowAllAsync(users, round: 2);

        await Eventually.HoldsAsync(() => Task.FromResult(Expected(receiver, users) >= users.Length * 6), Patience, "every change after the outage");
        Assert.Equal(0, receiver.Rejected);
        foreach (var (user, deliveries) in receiver.FirstArrivalsByUser().Where(u => users.Contains(u.Key)))
        {
            // In order per user: first arrivals come in the order of the user's changes.
            Assert.Equal(deliveries.Select(d => d.Position).Order(), deliveries.Select(d => d.Position));
            Assert.Equal(3, deliveries.Count(d => d.Type == "follow.created"));
            Assert.Equal(3, deliveries.Count(d => d.Type == "follower.created"));
            Assert.All(deliveries, d => Assert.Equal($"msg_{d.Position}", d.MessageId));
        }
    }

    [Fact]
    public async Task Paused_endpoints_wait_replays_resend_and_dead_letters_can_be_resent()
    {
        var secret = WebhookReceiver.NewSecret();
        await using var receiver = new WebhookReceiver(secret);
        using var admin = gateway.ClientWithToken(TestJwt.Operator());
        var id = await CreateAsync(admin, Body(receiver.Url, secret, "follow.created"));
        var (me, other) = (TestUsers.NewId(), TestUsers.NewId());

        // Receiver down past the retry window: the delivery is dead-lettered.
        await HttpAssert.Succeeds(gateway.ClientFor(me).PutAsync($"/api/v2/user/{other}/follow/", null));
        await Eventually.HoldsAsync(
            async () => (await HttpAssert.Json(await admin.GetAsync($"/admin/webhooks/{id}/dead-letters"))).GetProperty("results").GetArrayLength() == 1,
            Patience,
            "a dead letter");
        await receiver.StartAsync();
        var resent = await HttpAssert.Json(await admin.PostAsync($"/admin/webhooks/{id}/dead-letters/resend", null));
        Assert.Equal(1, resent.GetProperty("delivered").GetInt32());
        var first = Assert.Single(receiver.Received);
        Assert.Equal(("follow.created", me, other), (first.Type, first.UserId, first.OtherUserId));

        // Paused: nothing arrives; resumed: it does.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/admin/webhooks/{id}/pause", null)).StatusCode);
        await HttpAssert.Succeeds(gateway.ClientFor(other).PutAsync($"/api/v2/user/{me}/follow/", null));
        await Task.Delay(1500);
        Assert.Single(receiver.Received);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/admin/webhooks/{id}/resume", null)).StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Count == 2), Patience, "the change made while paused");

        // A replay from the first change sends both again, with the same ids.
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/admin/webhooks/{id}/replay?from={first.Position}", null)).StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Count >= 4), Patience, "the replay");
        Assert.Equal(2, receiver.Received.Select(d => d.MessageId).Distinct().Count());
    }

    private async Task FollowAllAsync(long[] users, int round)
    {
        foreach (var user in users)
        {
            await HttpAssert.Succeeds(gateway.ClientFor(user).PutAsync($"/api/v2/user/{users[(Array.IndexOf(users, user) + 1 + round) % users.Length]}/follow/", null));
        }
    }

    private static int Expected(WebhookReceiver receiver, long[] users) =>
        receiver.Received.DistinctBy(d => d.MessageId).Count(d => users.Contains(d.UserId));

    private static async Task<long> CreateAsync(HttpClient admin, string body)
    {
        var created = await admin.PostAsync("/admin/webhooks", Json(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await HttpAssert.Json(created)).GetProperty("id").GetInt64();
    }

    private static string Body(string url, string secret, params string[] events) =>
        JsonSerializer.Serialize(new { url, secret, events });

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
