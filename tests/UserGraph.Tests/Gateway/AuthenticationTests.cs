using System.Net;
using System.Net.Http.Json;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

[Collection(DefaultGatewayCollection.Name)]
public class AuthenticationTests(GatewayFixture gateway)
{
    private const string StatusesPath = "/api/v2/user/connection/statuses/";

    public static TheoryData<string, string> RefusedTokens() => new()
    {
        { "expired", TestJwt.Create("42", expires: DateTime.UtcNow.AddHours(-1)) },
        { "wrong signature", TestJwt.Create("42", key: new byte[32]) },
        { "wrong audience", TestJwt.Create("42", audience: "someone-else") },
        { "wrong issuer", TestJwt.Create("42", issuer: "someone-else") },
        { "alg none", TestJwt.Unsigned(42) },
        { "sub not a number", TestJwt.Create("alice") },
        { "sub zero", TestJwt.Create("0") },
        { "sub negative", TestJwt.Create("-3") },
        { "sub fractional", TestJwt.Create("4.5") },
        { "sub too large", TestJwt.Create("99999999999999999999") },
        { "no sub", TestJwt.Create(null) },
        { "not a jwt", "not-a-token" },
        { "crit names an unknown extension", TestJwt.Create("42", headers: new() { ["crit"] = new[] { "urn:example:unknown" }, ["urn:example:unknown"] = true }) },
    };

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        using var client = gateway.ClientFor(TestUsers.NewId());

        var response = await client.PostAsJsonAsync(StatusesPath, new { users = new[] { 1 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_token_answers_401_problem_with_a_bearer_challenge()
    {
        var response = await gateway.Anonymous.PostAsJsonAsync(StatusesPath, new { users = new[] { 1 } });

        var detail = await HttpAssert.Problem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("required", detail);
    }

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_bad_token_answers_401_problem(string reason, string token)
    {
        using var client = gateway.ClientWithToken(token);

        var statuses = await client.PostAsJsonAsync(StatusesPath, new { users = new[] { 1 } });
        var follow = await client.PostAsync("/api/v2/user/7/follow/", null);

        await HttpAssert.Problem(statuses, HttpStatusCode.Unauthorized, reason);
        await HttpAssert.Problem(follow, HttpStatusCode.Unauthorized, reason);
    }

    [Fact]
    public async Task A_token_whose_subject_is_not_a_user_id_says_why()
    {
        using var client = gateway.ClientWithToken(TestJwt.Create("alice"));

        var response = await client.PostAsJsonAsync(StatusesPath, new { users = new[] { 1 } });

        var detail = await HttpAssert.Problem(response, HttpStatusCode.Unauthorized);
        Assert.Contains("sub", detail);
    }
}
