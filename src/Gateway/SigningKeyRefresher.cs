using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace UserGraph.Gateway;

/// <summary>
/// With an OIDC <c>Authority</c>, asks for the issuer's metadata and keys again every
/// <c>Authentication:Schemes:Bearer:RefreshInterval</c> (default 5 minutes).
/// </summary>
/// <remarks>
/// The stock handler fetches keys again only when a token names a key it does not know (at most
/// once per <c>RefreshInterval</c>), or after <c>AutomaticRefreshInterval</c> (12 hours, at least
/// 5 minutes). A key the issuer removed, perhaps because it leaked, would stay trusted for hours;
/// with this it stops working within the refresh interval. The manager itself ignores requests
/// that come sooner than the interval, so asking every second costs nothing.
/// </remarks>
internal sealed partial class SigningKeyRefresher(
    IOptionsMonitor<JwtBearerOptions> bearer, TimeProvider time, ILogger<SigningKeyRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (bearer.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager is not { } issuer)
        {
            return;
        }

        using var timer = new PeriodicTimer(Tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            issuer.RequestRefresh();
            try
            {
                await issuer.GetConfigurationAsync(stoppingToken);
            }
            catch (InvalidOperationException exception)
            {
                // The manager keeps the last keys it had and tries again; say so once a tick at most.
                LogRefreshFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching the token issuer's metadata and keys failed; the last keys fetched stay in use")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
