using System.Net.Http.Headers;

namespace UserGraph.Tests.Infrastructure;

/// <summary>A running service reached over HTTP; subclasses choose its settings.</summary>
public class GatewayFixture : IAsyncLifetime
{
    private GatewayFactory? _factory;

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>Services replaced in the running host; none by default.</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ReplacedServices => null;

    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The real Kestrel address the service listens on.</summary>
    public Uri BaseAddress => Anonymous.BaseAddress!;

    public async Task InitializeAsync()
    {
        _factory = new GatewayFactory(await TestDatabase.GetConnectionStringAsync(), Settings, ReplacedServices);
        _factory.StartServer();
        Anonymous = _factory.CreateClient();
    }

    /// <summary>The running service's dependency injection container.</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>A setting the service was started with.</summary>
    public string? Setting(string key) => _factory!.Setting(key);

    /// <summary>A client that sends <paramref name="token"/> as its bearer token.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = _factory!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient ClientFor(long userId) => ClientWithToken(TestJwt.For(userId));

    public async Task DisposeAsync()
    {
        Anonymous.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
