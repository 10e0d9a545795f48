using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Outages;

/// <summary>The PostgreSQL server the outage tests stop and kill: their own, never the shared one.</summary>
public sealed class OutageDatabase : IAsyncLifetime
{
    public DedicatedPostgres Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await DedicatedPostgres.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
