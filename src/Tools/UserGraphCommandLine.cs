using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;
using UserGraph.Silo;

namespace UserGraph.Tools;

/// <summary>The usergraph command line: <c>import</c> and <c>export</c>.</summary>
public static class UserGraphCommandLine
{
    public static async Task<int> Main(string[] args)
    {
        var connection = new Option<string?>("--connection")
        {
            Description = "PostgreSQL connection string (default: the ConnectionStrings__Postgres environment variable, as the silo reads it)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ConnectionStrings__Postgres"),
        };
        var serviceId = new Option<string>("--service-id")
        {
            Description = "Orleans service id of the stored graph (default: Orleans__ServiceId, else user-graph)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Orleans__ServiceId") ?? new ClusterSettings().ServiceId,
        };
        var format = new Option<EdgeFileFormat?>("--format")
        {
            Description = "csv or jsonlines (default: from the file name, .jsonl or .ndjson is JSON Lines)",
            CustomParser = result => result.Tokens.Single().Value.ToLowerInvariant() switch
            {
                "csv" => EdgeFileFormat.Csv,
                "jsonl" or "jsonlines" or "ndjson" => EdgeFileFormat.JsonLines,
                var other => Fail(result, $"unknown format '{other}' (csv or jsonlines)"),
            },
        };

        var file = new Argument<FileInfo>("file") { Description = "the rows to import: kind,from_id,to_id[,created] (README, \"Bringing a community in\")" };
        var rejects = new Option<string?>("--rejects") { Description = "where rejected rows go (default: FILE.rejects.csv)" };
        var mode = new Option<CommunityMode?>("--mode") { Description = "Follow or Connection: the community's mode when the database has none yet; must match it otherwise" };
        var batchUsers = new Option<int>("--batch-users") { Description = "users written per transaction", DefaultValueFactory = _ => 5000 };
        var live = new Option<bool>("--live") { Description = "import through the running cluster (its silos must use Orleans:Membership=Postgres) instead of writing storage offline" };
        var clusterId = new Option<string>("--cluster-id")
        {
            Description = "with --live: the cluster's Orleans cluster id (default: Orleans__ClusterId, else user-graph-dev)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Orleans__ClusterId") ?? new ClusterSettings().ClusterId,
        };
        var import = new Command("import", "Import a file straight into the database while no silo runs (offline): every row checked, both views of every edge written, safe to repeat and to resume after a crash")
        {
            file, format, rejects, mode, batchUsers, live, clusterId, connection, serviceId,
        };
        import.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(connection) is not { Length: > 0 } connectionString)
            {
                return Usage("give --connection or set ConnectionStrings__Postgres");
            }

            var input = parse.GetValue(file)!;
            if (!input.Exists)
            {
                return Usage($"{input.FullName} does not exist");
            }

            var settings = new OfflineImportSettings(
                connectionString,
                parse.GetValue(serviceId)!,
                input.FullName,
                parse.GetValue(format) ?? EdgeFileFormats.FromPath(input.Name),
                parse.GetValue(rejects) ?? input.FullName + ".rejects.csv",
                parse.GetValue(mode),
                Math.Max(1, parse.GetValue(batchUsers)));
            if (parse.GetValue(live))
            {
                return await ImportLiveAsync(settings, parse.GetValue(clusterId)!, cancellationToken);
            }

            try
            {
                var report = await new OfflineImporter(settings, Task.Run(() => Table(settings.ServiceId)), ProgressDisplay.ForConsole(), Console.Out).RunAsync(cancellationToken);
                if (!report.AlreadyImported)
                {
                    Console.WriteLine($"imported {report.Rows:N0} rows, {report.Rejected:N0} rejected, {report.UsersWritten:N0} users written{(report.Resumed ? " (resumed)" : "")}");
                }

                return (int)report.Outcome;
            }
            catch (ImportRefusedException refused)
            {
                Console.Error.WriteLine($"refused: {refused.Message}");
                return (int)ImportOutcome.Refused;
            }
        });

        var output = new Option<string?>("--output", "-o") { Description = "file to write (default: standard output)" };
        var user = new Option<long?>("--user") { Description = "export only this user's own data (data portability)" };
        var export = new Command("export", "Export every edge once, or one user's data, from one consistent read (silos may be running)")
        {
            output, format, user, connection, serviceId,
        };
        export.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(connection) is not { Length: > 0 } connectionString)
            {
                return Usage("give --connection or set ConnectionStrings__Postgres");
            }

            var path = parse.GetValue(output);
            var exportFormat = parse.GetValue(format) ?? (path is null ? EdgeFileFormat.Csv : EdgeFileFormats.FromPath(path));
            await using var writer = path is null ? Console.Out : new StreamWriter(path, append: false);
            var exporter = new GraphExporter(connectionString, Table(parse.GetValue(serviceId)!), ProgressDisplay.ForConsole());
            var rows = await exporter.RunAsync(writer, exportFormat, parse.GetValue(user), cancellationToken);
            Console.Error.WriteLine($"exported {rows:N0} rows");
            return (int)ImportOutcome.Done;
        });

        var root = new RootCommand("usergraph: bulk import and export of the user graph") { import, export };
        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<int> ImportLiveAsync(OfflineImportSettings settings, string clusterId, CancellationToken cancellationToken)
    {
        try
        {
            var mode = await LiveImporter.StoredModeAsync(settings.ConnectionString, settings.ServiceId);
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Postgres"] = settings.ConnectionString,
                ["Orleans:ClusterId"] = clusterId,
                ["Orleans:ServiceId"] = settings.ServiceId,
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.UseGraphClusterClient();
            using var host = builder.Build();
            await host.StartAsync(cancellationToken);
            var importer = new LiveImporter(
                settings.InputPath, settings.Format, settings.RejectPath, host.Services.GetRequiredService<IGrainFactory>(), mode, ProgressDisplay.ForConsole());
            var report = await importer.RunAsync(cancellationToken);
            Console.WriteLine($"applied {report.Applied:N0} of {report.Rows:N0} rows, {report.Rejected:N0} rejected{(report.Resumed ? " (resumed)" : "")}");
            await host.StopAsync(CancellationToken.None);
            return (int)report.Outcome;
        }
        catch (ImportRefusedException refused)
        {
            Console.Error.WriteLine($"refused: {refused.Message}");
            return (int)ImportOutcome.Refused;
        }
    }

    private static GraphSnapshotTable Table(string serviceId)
    {
        var services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(UserGraphSnapshot).Assembly)).BuildServiceProvider();
        return new GraphSnapshotTable(services.GetRequiredService<Serializer>(), serviceId);
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"usage: {message}");
        return (int)ImportOutcome.Usage;
    }

    private static EdgeFileFormat? Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }
}
