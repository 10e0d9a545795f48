using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// The whole service (silo and co-hosted gateway) on a real Kestrel port, with its own silo
/// ports and cluster ids so that parallel hosts never join each other.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="overrides">Settings on top of the test defaults; a null value removes a test default.</param>
    /// <param name="services">Replaces services of the running host (a fault-injecting journal, say).</param>
    public GatewayFactory(
        string connectionString, IEnumerable<KeyValuePair<string, string?>>? overrides = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
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
            // A null value takes a test default out, so the service's own configuration applies.
            if (value is null)
            {
                _settings.Remove(key);
            }
            else
            {
                _settings[key] = value;
            }
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

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
