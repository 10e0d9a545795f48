using Npgsql;
using UserGraph.Bench.Harness;

// dotnet UserGraph.Bench.Harness.dll seed CONNECTION SERVICE_ID USERS FOLLOWS CALLERS KEY DATA_FILE
// dotnet UserGraph.Bench.Harness.dll serve CONNECTION KEY --urls http://127.0.0.1:PORT
// dotnet UserGraph.Bench.Harness.dll warm-follows BASE_URL PATH_TEMPLATE DATA_FILE
// dotnet UserGraph.Bench.Harness.dll cold-reads STATUSES_URL COLD_DATA_FILE
// dotnet UserGraph.Bench.Harness.dll bytes-per-follow BASE_URL CONNECTION KEY
// dotnet UserGraph.Bench.Harness.dll memory CONNECTION SERVICE_ID USERS FOLLOWS [EMPTY_USERS]
// dotnet UserGraph.Bench.Harness.dll check-shape DATA_FILE STATUSES_URL...
// dotnet UserGraph.Bench.Harness.dll check-counters BASE_URL DATA_FILE SAMPLE
// dotnet UserGraph.Bench.Harness.dll graph-queries BASE_URL KEY USERS REQUESTS
// dotnet UserGraph.Bench.Harness.dll import-files IMPORT_CSV PAIRS_CSV USERS FOLLOWS
// dotnet UserGraph.Bench.Harness.dll unique-tokens KEY USERS COUNT DATA_FILE [CALLERS JTI_PREFIX]
// dotnet UserGraph.Bench.Harness.dll load-once NAME STATUSES_URL DATA_FILE CONNECTIONS SERVICE_PID
// dotnet UserGraph.Bench.Harness.dll paced-load STATUSES_URL DATA_FILE RATE SECONDS EVENTS_FILE
if (args.Length >= 8 && args[0] == "seed")
{
    await Seeder.RunAsync(args[1], args[2], int.Parse(args[3]), int.Parse(args[4]), int.Parse(args[5]), args[6], args[7]);
    return 0;
}

if (args.Length >= 5 && args[0] == "import-files")
{
    await ImportFiles.WriteAsync(args[1], args[2], int.Parse(args[3]), int.Parse(args[4]));
    return 0;
}

if (args.Length >= 5 && args[0] == "unique-tokens")
{
    await UniqueTokens.WriteAsync(args[1], int.Parse(args[2]), int.Parse(args[3]), args[4],
        args.Length >= 6 ? int.Parse(args[5]) : null, args.Length >= 7 ? args[6] : "");
    return 0;
}

if (args.Length >= 6 && args[0] == "load-once")
{
    await LoadOnce.RunAsync(args[1], args[2], args[3], int.Parse(args[4]), int.Parse(args[5]));
    return 0;
}

if (args.Length >= 6 && args[0] == "paced-load")
{
    await PacedLoad.RunAsync(args[1], args[2], int.Parse(args[3]), int.Parse(args[4]), args[5]);
    return 0;
}

if (args.Length >= 4 && args[0] == "warm-follows")
{
    await FollowWarmup.RunAsync(args[1], args[2], args[3], connections: 32);
    return 0;
}

if (args.Length >= 3 && args[0] == "cold-reads")
{
    await ColdReads.RunAsync(args[1], args[2]);
    return 0;
}

if (args.Length >= 4 && args[0] == "bytes-per-follow")
{
    await BytesPerFollow.RunAsync(args[1], args[2], args[3]);
    return 0;
}

if (args.Length >= 3 && args[0] == "check-shape")
{
    return await AnswerShapeCheck.RunAsync(args[1], args[2..]) ? 0 : 1;
}

if (args.Length >= 4 && args[0] == "check-counters")
{
    return await CounterCheck.RunAsync(args[1], args[2], int.Parse(args[3])) ? 0 : 1;
}

if (args.Length >= 5 && args[0] == "graph-queries")
{
    await GraphQueries.RunAsync(args[1], args[2], int.Parse(args[3]), int.Parse(args[4]));
    return 0;
}

if (args.Length >= 2 && args[0] == "webhook-receive")
{
    await WebhookBench.ReceiveAsync(int.Parse(args[1]));
    return 0;
}

if (args.Length >= 4 && args[0] == "webhook-register")
{
    await WebhookBench.RegisterAsync(args[1], args[2], args[3]);
    return 0;
}

if (args.Length >= 4 && args[0] is "webhook-pause" or "webhook-resume")
{
    await WebhookBench.SetPausedAsync(args[1], args[2], args[3], paused: args[0] == "webhook-pause");
    return 0;
}

if (args.Length >= 5 && args[0] == "memory")
{
    await MemoryPerUser.RunAsync(args[1], args[2], int.Parse(args[3]), int.Parse(args[4]), args.Length >= 6 ? int.Parse(args[5]) : null);
    return 0;
}

if (args.Length < 3 || args[0] != "serve")
{
    Console.Error.WriteLine("usage: seed CONNECTION SERVICE_ID USERS FOLLOWS CALLERS KEY DATA_FILE | serve CONNECTION KEY --urls URL");
    return 2;
}

var builder = WebApplication.CreateBuilder(args[3..]);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
PeerEndpoints.AddStockJwt(builder, args[2]);
builder.Services.AddAuthorization();
// The peer's pool grows to ~100 connections at 128 client connections and would keep them idle
// for minutes (Npgsql's default), while the service's later workloads need the server's
// connection slots: a 1,000,000-follower run once failed with "too many clients".
await using var database = NpgsqlDataSource.Create(
    new NpgsqlConnectionStringBuilder(args[1])
    {
        ConnectionIdleLifetime = 15,
        ConnectionPruningInterval = 1,
        // bench/run.sh waits for the peer's connections, by this name, to close after its runs.
        ApplicationName = "bench-peer",
    }.ConnectionString);
var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
PeerEndpoints.Map(app, database);
await app.RunAsync();
return 0;
