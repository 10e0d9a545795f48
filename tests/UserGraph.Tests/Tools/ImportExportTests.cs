using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UserGraph.Grains.Interfaces;
using UserGraph.Silo;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Tools;

/// <summary>
/// Bringing a community in and taking it out with the usergraph tool, run as its own process
/// against a database of its own, and read back through the grains.
/// </summary>
public sealed class ImportExportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("usergraph-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Export_import_into_an_empty_database_and_export_again_give_identical_files_and_the_grains_serve_the_graph()
    {
        var database = await TestDatabase.CreateDatabaseAsync();
        var (first, second) = (GraphTestCluster.NewServiceId(), GraphTestCluster.NewServiceId());
        var source = UserGraphTool.WriteGraphFile(Path.Combine(_directory, "graph.csv"), users: 300, follows: 8);
        File.AppendAllLines(source, ["follow,299,300", "follow,nobody,1", "connection,1,2"]);

        var imported = await UserGraphTool.RunAsync(database, first, "import", source);
        Assert.True(imported.ExitCode == 1, imported.Output + imported.Error);
        var rejects = File.ReadAllLines(source + ".rejects.csv");
        Assert.Contains(rejects, l => l.Contains("a follow across a block") && l.EndsWith("\"follow,299,300\""));
        Assert.Contains(rejects, l => l.Contains("from_id 'nobody'"));
        Assert.Contains(rejects, l => l.Contains("a connection row in a follow-mode community"));

        var exportedOnce = Path.Combine(_directory, "once.jsonl");
        var exportedTwice = Path.Combine(_directory, "twice.jsonl");
        Assert.Equal(0, (await UserGraphTool.RunAsync(database, first, "export", "-o", exportedOnce)).ExitCode);
        var again = await UserGraphTool.RunAsync(database, second, "import", exportedOnce);
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Equal(0, (await UserGraphTool.RunAsync(database, second, "export", "-o", exportedTwice)).ExitCode);

        var once = File.ReadAllLines(exportedOnce);
        Assert.True(once.Length > 2000, $"{once.Length} rows exported");
        Assert.Equal(once, File.ReadAllLines(exportedTwice));

        // Both views are there for the service, and agree.
        await using var cluster = await GraphTestCluster.StartAsync(first, silos: 1, settings: new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = database });
        var grains = cluster.GrainFactory;
        await GraphConsistency.AssertConsistentAsync(grains, Enumerable.Range(1, 300).Select(u => (long)u));
        Assert.True(await grains.User(299).IsFollowingAsync(298) == once.Contains("""{"kind":"follow","from_id":299,"to_id":298}"""));
        Assert.True(await grains.User(300).IsBlockingAsync(299));
        Assert.True(await grains.User(10).IsHidingAsync(1));
    }

    [Fact]
    public async Task An_import_killed_part_way_resumes_where_it_stopped_and_ends_with_the_same_graph_as_one_run()
    {
        var database = await TestDatabase.CreateDatabaseAsync();
        var (killed, whole) = (GraphTestCluster.NewServiceId(), GraphTestCluster.NewServiceId());
        // Small batches, so many that the kill lands before the last one even when the test's
        // polling is starved on a busy machine (with 200 it once found all written).
        const int users = 20_000, batchUsers = 10, batches = users / batchUsers;
        var source = UserGraphTool.WriteGraphFile(Path.Combine(_directory, "graph.csv"), users, follows: 10);
        await PostgresSchema.ApplyAsync(database);

        using (var process = UserGraphTool.Start(database, killed, "import", source, "--batch-users", batchUsers.ToString(CultureInfo.InvariantCulture)))
        {
            await Eventually.HoldsAsync(async () => await BatchesWrittenAsync(database, killed) >= 10, TimeSpan.FromSeconds(60), "a few batches written");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var stoppedAfter = await BatchesWrittenAsync(database, killed);
        Assert.InRange(stoppedAfter, 10, batches - 1);
        // Resumed with another batch size asked for, it keeps the first run's, so its batches line up.
        var resumed = await UserGraphTool.RunAsync(database, killed, "import", source, "--batch-users", "7");
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.Contains($"{stoppedAfter:N0} batches of {batchUsers} users are written", resumed.Output);
        Assert.Contains("(resumed)", resumed.Output);
        Assert.Equal(batches, await BatchesWrittenAsync(database, killed));

        Assert.Equal(0, (await UserGraphTool.RunAsync(database, whole, "import", source)).ExitCode);
        var (afterKill, afterOneRun) = (Path.Combine(_directory, "killed.csv"), Path.Combine(_directory, "whole.csv"));
        await UserGraphTool.RunAsync(database, killed, "export", "-o", afterKill);
        await UserGraphTool.RunAsync(database, whole, "export", "-o", afterOneRun);
        Assert.Equal(File.ReadAllLines(afterOneRun), File.ReadAllLines(afterKill));

        var repeated = await UserGraphTool.RunAsync(database, killed, "import", source);
        Assert.Equal(0, repeated.ExitCode);
        Assert.Contains("nothing to do", repeated.Output);
    }

    [Fact]
    public async Task An_import_adds_to_what_the_service_wrote_and_repeating_its_rows_in_another_file_adds_nothing()
    {
        var database = await TestDatabase.CreateDatabaseAsync();
        var serviceId = GraphTestCluster.NewServiceId();
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = database };
        await using (var before = await GraphTestCluster.StartAsync(serviceId, silos: 1, settings: settings))
        {
            // Written by the service, so in the journal and perhaps not yet in a snapshot.
            await before.GrainFactory.User(1).FollowAsync(2);
            await before.GrainFactory.User(3).FollowAsync(1);
            await before.GrainFactory.User(4).ChangeBlockAsync(5, EdgeChange.Add);
        }

        var source = Path.Combine(_directory, "more.csv");
        File.WriteAllLines(source, ["follow,1,3", "follow,2,1", "follow,5,4", "hide,1,4"]);
        var imported = await UserGraphTool.RunAsync(database, serviceId, "import", source);
        Assert.True(imported.ExitCode == 0, imported.Output + imported.Error);
        Assert.Contains("4 users written", imported.Output);

        // The same rows reordered are another file, so the import runs, and finds nothing to add.
        var reordered = Path.Combine(_directory, "same.csv");
        File.WriteAllLines(reordered, ["hide,1,4", "follow,2,1", "follow,1,3", "follow,5,4", "follow,1,2"]);
        var repeated = await UserGraphTool.RunAsync(database, serviceId, "import", reordered);
        Assert.Contains("0 users written", repeated.Output);

        await using var after = await GraphTestCluster.StartAsync(serviceId, silos: 1, settings: settings);
        var grains = after.GrainFactory;
        Assert.Equal(new long[] { 2, 3 }, (await grains.User(1).GetFollowingsAsync(MutualFilter.Any, 0, 10)).UserIds);
        Assert.Equal(new long[] { 2, 3 }, (await grains.User(1).GetFollowersAsync(MutualFilter.Any, 0, 10)).UserIds);
        Assert.False(await grains.User(5).IsFollowingAsync(4));
        Assert.True(await grains.User(1).IsHidingAsync(4));
        await GraphConsistency.AssertConsistentAsync(grains, [1, 2, 3, 4, 5]);
        // And the service goes on from there.
        await grains.User(2).UnfollowAsync(1);
        Assert.Equal(new long[] { 3 }, (await grains.User(1).GetFollowersAsync(MutualFilter.Any, 0, 10)).UserIds);
    }

    [Fact]
    public async Task An_offline_import_is_refused_while_a_silo_is_active_and_changes_nothing()
    {
        var database = await TestDatabase.CreateDatabaseAsync();
        using var service = new GatewayFactory(database, [new("Orleans:Membership", "Postgres")]);
        service.StartServer();
        var serviceId = service.Setting("Orleans:ServiceId")!;
        var source = UserGraphTool.WriteGraphFile(Path.Combine(_directory, "graph.csv"), users: 50, follows: 3);

        var refused = await UserGraphTool.RunAsync(database, serviceId, "import", source);

        Assert.True(refused.ExitCode == 3, refused.Output + refused.Error);
        Assert.Contains("Silos are active on this database", refused.Error);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var rows = new NpgsqlCommand("SELECT count(*) FROM grain_state WHERE service_id = @service", connection);
        rows.Parameters.AddWithValue("service", serviceId);
        Assert.Equal(0L, await rows.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_live_import_goes_through_the_running_service_beside_its_traffic_and_repeating_it_changes_nothing()
    {
        var database = await TestDatabase.CreateDatabaseAsync();
        using var service = new GatewayFactory(database, [new("Orleans:Membership", "Postgres")]);
        service.StartServer();
        var (serviceId, clusterId) = (service.Setting("Orleans:ServiceId")!, service.Setting("Orleans:ClusterId")!);
        var grains = service.Services.GetRequiredService<IGrainFactory>();
        await grains.User(3).FollowAsync(1);
        var source = Path.Combine(_directory, "live.csv");
        File.WriteAllLines(source, ["kind,from_id,to_id", "follow,1,2", "follow,2,1", "hide,1,3", "block,4,1", "follow,1,4", "follow,one,2", "connection,1,5"]);

        var first = await UserGraphTool.RunAsync(database, serviceId, "import", source, "--live", "--cluster-id", clusterId);

        Assert.True(first.ExitCode == 1, first.Output + first.Error);
        Assert.Contains("of 5 rows", first.Output);
        var rejects = File.ReadAllLines(source + ".rejects.csv");
        Assert.Contains(rejects, l => l.StartsWith("7,") && l.Contains("from_id 'one'"));
        Assert.Contains(rejects, l => l.StartsWith("8,") && l.Contains("follow-mode"));
        // Written by the service itself: both views, read at once from the other side.
        Assert.True(await grains.User(2).IsFollowedByAsync(1));
        Assert.Equal(new long[] { 2, 3 }, (await grains.User(1).GetFollowersAsync(MutualFilter.Any, 0, 10)).UserIds);
        Assert.True(await grains.User(3).IsHiddenByAsync(1));
        Assert.True(await grains.User(1).IsBlockedByAsync(4));
        // The follow and the block of one window race; the block wins either way (refusing the
        // follow, or severing it), and a refused follow is in the reject file.
        Assert.False(await grains.User(1).IsFollowingAsync(4));
        Assert.False(await grains.User(4).IsFollowedByAsync(1));
        Assert.False(File.Exists(source + ".progress"));

        var position = await grains.User(1).GetChangePositionAsync();
        var again = await UserGraphTool.RunAsync(database, serviceId, "import", source, "--live", "--cluster-id", clusterId);
        Assert.Contains("of 5 rows", again.Output);
        Assert.Equal(position, await grains.User(1).GetChangePositionAsync());
        await GraphConsistency.AssertConsistentAsync(grains, [1, 2, 3, 4]);
    }

    private static async Task<long> BatchesWrittenAsync(string database, string serviceId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM graph_import_batches WHERE service_id = @service", connection);
        command.Parameters.AddWithValue("service", serviceId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
