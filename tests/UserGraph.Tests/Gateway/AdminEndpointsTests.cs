using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

[Collection(DefaultGatewayCollection.Name)]
public class AdminEndpointsTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Repair_needs_the_admin_scope()
    {
        var (me, target) = (TestUsers.NewId(), TestUsers.NewId());
        using var user = gateway.ClientFor(me);
        using var admin = gateway.ClientWithToken(AdminToken());
        await user.PutAsync($"/api/v2/user/{target}/follow/", null);

        var refused = await user.PostAsync($"/admin/users/{target}/repair-reverse-edges", null);
        var anonymous = await gateway.Anonymous.PostAsync($"/admin/users/{target}/repair-reverse-edges", null);
        var repaired = await admin.PostAsync($"/admin/users/{target}/repair-reverse-edges", null);

        await HttpAssert.Problem(refused, HttpStatusCode.Forbidden);
        await HttpAssert.Problem(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, repaired.StatusCode);
        var report = JsonDocument.Parse(await repaired.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, report.GetProperty("owners_found").GetInt32());
    }

    [Fact]
    public async Task Erasure_needs_the_admin_scope_and_removes_the_user_everywhere()
    {
        var (erased, follower) = (TestUsers.NewId(), TestUsers.NewId());
        using var user = gateway.ClientFor(follower);
        using var admin = gateway.ClientWithToken(AdminToken());
        await user.PutAsync($"/api/v2/user/{erased}/follow/", null);

        await HttpAssert.Problem(await user.DeleteAsync($"/admin/users/{erased}"), HttpStatusCode.Forbidden);
        var erasure = await admin.DeleteAsync($"/admin/users/{erased}");

        Assert.Equal(HttpStatusCode.OK, erasure.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await erasure.Content.ReadAsStringAsync()).RootElement.GetProperty("peers_updated").GetInt32());
        var statuses = await user.PostAsync(
            "/api/v2/user/connection/statuses/", new StringContent($"{{\"users\": [{erased}]}}"));
        Assert.Equal([($"{erased}", null)], await HttpAssert.Statuses(statuses));
        var counters = JsonDocument.Parse(await user.GetStringAsync($"/api/v2/user/{follower}/counters/")).RootElement;
        Assert.Equal(0, counters.GetProperty("followings").GetInt32());
    }

    private static string AdminToken() => TestJwt.Operator();
}
