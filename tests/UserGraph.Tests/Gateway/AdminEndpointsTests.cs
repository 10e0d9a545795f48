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

    private static string AdminToken() =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestJwt.Issuer,
            Audience = TestJwt.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", "1"), new Claim("scope", "profile graph:admin")]),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(TestJwt.SigningKey), SecurityAlgorithms.HmacSha256),
        });
}
