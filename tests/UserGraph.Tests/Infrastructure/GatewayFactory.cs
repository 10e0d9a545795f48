using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// The whole service (silo and co-hosted gateway) on a real Kestrel port, with its own silo
/// ports and cluster ids so that parallel hosts never join each other.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public GatewayFactory(string connectionString, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var serviceId = GraphTestCluster.NewServiceId();
        _settings = new Dictionary<string, string?>(TestJwt.Settings())
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Orleans:ClusterId"] = serviceId,
            ["Orleans:ServiceId"] = serviceId,
            ["Orleans:SiloPort"] = TestDatabase.FreeTcpPort().ToString(),
            ["Orleans:GatewayPort"] = TestDatabase.FreeTcpPort().ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    public string? Setting(string key) => _settings.GetValueOrDefault(key);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
