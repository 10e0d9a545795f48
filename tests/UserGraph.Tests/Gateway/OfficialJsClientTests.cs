using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>
/// The official SelfCommunity JS client (<c>@selfcommunity/api-services</c>, pinned in
/// tests/compat) driving the running service through its own methods.
/// </summary>
[Collection(DefaultGatewayCollection.Name)]
public class OfficialJsClientTests(GatewayFixture gateway)
{
    [Fact]
    public async Task The_official_client_follows_and_reads_statuses_lists_and_counters()
    {
        var compat = Path.Combine(ExternalProcess.RepositoryRoot(), "tests", "compat");
        if (!Directory.Exists(Path.Combine(compat, "node_modules", "@selfcommunity", "api-services")))
        {
            var install = await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], compat);
            Assert.True(install.ExitCode == 0, $"npm ci failed: {install.Error}");
        }

        var (a, b) = (TestUsers.NewId(), TestUsers.NewId());
        var run = await ExternalProcess.RunAsync(
            "node",
            ["selfcommunity-client.cjs", gateway.BaseAddress.ToString().TrimEnd('/'), TestJwt.For(a), $"{a}", TestJwt.For(b), $"{b}"],
            compat,
            timeout: TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, $"the client failed:\n{run.Output}\n{run.Error}");
        Assert.Contains("compatible", run.Output);
    }
}
