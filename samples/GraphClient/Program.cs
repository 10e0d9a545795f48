using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UserGraph.Grains.Interfaces;
using UserGraph.Samples.ChatPolicy;

// An external Orleans client: connects to a running cluster's gateway and asks one user's grain.
//   dotnet run --project samples/GraphClient -- USER_ID OTHER_ID [OTHER_ID...]
// Settings (environment or --Key=value): Orleans:GatewayPort (30000), Orleans:ClusterId, Orleans:ServiceId.
var ids = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(long.Parse).ToArray();
if (ids.Length < 2)
{
    Console.Error.WriteLine("usage: GraphClient USER_ID OTHER_ID [OTHER_ID...]");
    return 2;
}

var builder = Host.CreateApplicationBuilder(args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray());
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var orleans = builder.Configuration.GetSection("Orleans");
builder.UseOrleansClient(client => client.UseLocalhostClustering(
    gatewayPort: orleans.GetValue("GatewayPort", 30000),
    serviceId: orleans.GetValue("ServiceId", "user-graph")!,
    clusterId: orleans.GetValue("ClusterId", "user-graph-dev")!));

using var host = builder.Build();
try
{
    using var connecting = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    await host.StartAsync(connecting.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("No cluster answered on the gateway port within 30 s: is ./run.sh running?");
    return 1;
}

var grains = host.Services.GetRequiredService<IClusterClient>();

var (user, others) = (ids[0], ids[1..]);
var statuses = await grains.GetGrain<IUserGraphGrain>(user).GetStatusesAsync(others);
var relationships = await grains.GetGrain<IUserGraphGrain>(user).GetRelationshipsAsync(others);
var chat = grains.GetGrain<IChatPolicyGrain>(user);
for (var i = 0; i < others.Length; i++)
{
    var canMessage = await chat.CanMessageAsync(others[i]);
    Console.WriteLine($"{user} -> {others[i]}: status={statuses.Statuses[i]} follows={relationships[i].Follows} " +
                      $"followed_by={relationships[i].FollowedBy} hides={relationships[i].Hides} can_message={canMessage}");
}

await host.StopAsync();
return 0;
