using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Gateway;

/// <summary>
/// The service trusting an OIDC issuer (<c>Authority</c>) picks up a key the issuer adds, and
/// refuses a key it removes, within the configured refresh interval and without a restart, even
/// for a token it had already accepted.
/// </summary>
public class SigningKeyRotationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);
    private LocalOidcIssuer _issuer = null!;
    private GatewayFactory _service = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalOidcIssuer.StartAsync();
        _service = new GatewayFactory(
            await TestDatabase.GetConnectionStringAsync(),
            [
                new("Authentication:Schemes:Bearer:Authority", _issuer.Authority),
                new("Authentication:Schemes:Bearer:RequireHttpsMetadata", "false"),
                new("Authentication:Schemes:Bearer:RefreshInterval", RefreshInterval.ToString()),
            ]);
        _service.StartServer();
    }

    [Fact]
    public async Task An_added_key_is_trusted_and_a_removed_key_refused_within_the_refresh_interval()
    {
        var (first, second) = (LocalOidcIssuer.NewKey("first"), LocalOidcIssuer.NewKey("second"));
        _issuer.Publish(first);
        var user = TestUsers.NewId();
        var signedByFirst = _issuer.Token(user, first);
        var signedBySecond = _issuer.Token(user, second);

        // The service may have read the issuer's keys before the first was published (at start,
        // under load): it learns it within the refresh interval, like any added key.
        await FirstKeyTrustedAsync(user, signedByFirst);
        Assert.Equal(HttpStatusCode.OK, await CountersAsync(user, signedByFirst));
        Assert.Equal(HttpStatusCode.Unauthorized, await CountersAsync(user, signedBySecond));

        _issuer.Publish(first, second);
        var added = await Eventually.HoldsAsync(
            async () => await CountersAsync(user, signedBySecond) == HttpStatusCode.OK, RefreshInterval * 3, "the added key trusted");

        _issuer.Publish(second);
        var removed = await Eventually.HoldsAsync(
            async () => await CountersAsync(user, signedByFirst) == HttpStatusCode.Unauthorized, RefreshInterval * 3, "the removed key refused");

        output.WriteLine($"refresh interval {RefreshInterval.TotalSeconds} s: added key trusted after {added.TotalSeconds:0.0} s, removed key refused after {removed.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.OK, await CountersAsync(user, signedBySecond));
        Assert.Equal(HttpStatusCode.Unauthorized, await CountersAsync(user, signedByFirst));
    }

    [Fact]
    public async Task A_token_from_the_issuer_with_an_unknown_crit_extension_is_refused()
    {
        var key = LocalOidcIssuer.NewKey("crit");
        _issuer.Publish(key);
        var user = TestUsers.NewId();

        await FirstKeyTrustedAsync(user, _issuer.Token(user, key));
        var critical = _issuer.Token(user, key, new Dictionary<string, object> { ["crit"] = new[] { "exp-2026" }, ["exp-2026"] = true });
        Assert.Equal(HttpStatusCode.Unauthorized, await CountersAsync(user, critical));
    }

    private Task<TimeSpan> FirstKeyTrustedAsync(long user, string token) =>
        Eventually.HoldsAsync(async () => await CountersAsync(user, token) == HttpStatusCode.OK, RefreshInterval * 3, "the first published key trusted");

    private async Task<HttpStatusCode> CountersAsync(long user, string token)
    {
        using var client = _service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await client.GetAsync($"/api/v2/user/{user}/counters/");
        return answer.StatusCode;
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _issuer.DisposeAsync();
    }
}
