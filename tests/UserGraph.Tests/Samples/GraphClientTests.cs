using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Samples;

/// <summary>The external Orleans client example, run as its own process against the running service.</summary>
[Collection(Gateway.DefaultGatewayCollection.Name)]
public class GraphClientTests(GatewayFixture gateway)
{
    [Fact]
    public async Task The_client_connects_to_the_cluster_and_reads_statuses()
    {
        var (me, followed, other) = (TestUsers.NewId(), TestUsers.NewId(), TestUsers.NewId());
        using var client = gateway.ClientFor(me);
        await client.PutAsync($"/api/v2/user/{followed}/follow/", null);
        // Run from its own build output (built with the tests through the project reference), as a user would.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var program = Path.Combine(
            ExternalProcess.RepositoryRoot(), "samples", "GraphClient", "bin", configuration, "net10.0", "UserGraph.Samples.GraphClient.dll");

        var run = await ExternalProcess.RunAsync(
            "dotnet",
            [
                program, $"{me}", $"{followed}", $"{other}",
                $"--Orleans:GatewayPort={gateway.Setting("Orleans:GatewayPort")}",
                $"--Orleans:ClusterId={gateway.Setting("Orleans:ClusterId")}",
                $"--Orleans:ServiceId={gateway.Setting("Orleans:ServiceId")}",
            ],
            timeout: TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, $"{run.Output}\n{run.Error}");
        Assert.Contains($"{me} -> {followed}: status=Followed follows=True", run.Output);
        Assert.Contains($"{me} -> {other}: status=None follows=False", run.Output);
    }
}
