using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace UserGraph.Gateway;

/// <summary>
/// Hardens the bearer options that ASP.NET Core binds from <c>Authentication:Schemes:Bearer</c>
/// (the shape <c>dotnet user-jwts</c> writes, or an OIDC <c>Authority</c>). The framework only
/// validates issuer and audience when they are configured; here they are always validated, so a
/// deployment that forgot them refuses every token instead of accepting any.
/// </summary>
internal sealed class JwtBearerSetup(IOptions<GatewayOptions> gateway) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        // Keep "sub" as "sub" instead of the WS-Federation name-identifier URI.
        options.MapInboundClaims = false;
        // Nothing reads the token back from the authentication properties; storing it there cost
        // every request that validated a token a dictionary and a formatted expiry date.
        options.SaveToken = false;
        var validation = options.TokenValidationParameters;
        validation.ValidateIssuer = true;
        validation.ValidateAudience = true;
        validation.ValidateLifetime = true;
        validation.RequireExpirationTime = true;
        validation.RequireSignedTokens = true;
        validation.ValidateIssuerSigningKey = true;
        validation.NameClaimType = ClaimsPrincipalExtensions.SubjectClaim;

        // Keys bound from configuration come as a lazy sequence that reads the configuration
        // again on every enumeration (every validation); read them once per options instance.
        if (validation.IssuerSigningKeys is { } keys and not SecurityKey[])
        {
            validation.IssuerSigningKeys = keys.ToArray();
        }

        // The token handler would otherwise accept, for an hour, a token signed by a key the issuer
        // has since removed, from its "last known good" copy of the metadata. Removing a key is how
        // an issuer revokes it; the current metadata, stale while the issuer is unreachable, is the truth.
        if (options.ConfigurationManager is BaseConfigurationManager issuer)
        {
            issuer.UseLastKnownGoodConfiguration = false;
        }

        options.Events ??= new JwtBearerEvents();
        var cacheSize = gateway.Value.ValidatedTokenCacheSize;
        for (var i = 0; i < options.TokenHandlers.Count; i++)
        {
            if (options.TokenHandlers[i] is not (CachingTokenHandler or CriticalHeaderTokenHandler))
            {
                TokenHandler strict = new CriticalHeaderTokenHandler(options.TokenHandlers[i]);
                options.TokenHandlers[i] = cacheSize > 0 ? new CachingTokenHandler(strict, cacheSize, TimeProvider.System) : strict;
            }
        }

        var cache = cacheSize > 0 ? options.TokenHandlers.OfType<CachingTokenHandler>().First() : null;
        var configuredKeys = CachingTokenHandler.TrustedKeys(validation).ToArray();
        options.Events.OnMessageReceived = context =>
        {
            if (DashboardSession.TokenFrom(context.Request) is { } dashboardToken)
            {
                context.Token = dashboardToken;
                return Task.CompletedTask;
            }

            return cache is null ? Task.CompletedTask : UseValidatedToken(context, cache, configuredKeys);
        };

        options.Events.OnTokenValidated = RequireIntegerSubject;
        options.Events.OnChallenge = WriteProblemChallenge;
    }

    /// <summary>
    /// A token that passed full validation before (and has not expired) authenticates here, before
    /// the bearer handler copies its validation parameters and runs its handlers: on the statuses
    /// benchmark that per-request setup was most of what authentication cost. Anything else goes
    /// the normal way, failures included.
    /// </summary>
    private static async Task UseValidatedToken(MessageReceivedContext context, CachingTokenHandler cache, SecurityKey[] configuredKeys)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // With an OIDC Authority the trusted keys are the issuer's current ones, as the handler
        // would use them: a key removed at the issuer stops working here at the next refresh.
        IEnumerable<SecurityKey> trusted = configuredKeys;
        if (context.Options.ConfigurationManager is { } issuer)
        {
            OpenIdConnectConfiguration configuration;
            try
            {
                configuration = await issuer.GetConfigurationAsync(context.HttpContext.RequestAborted);
            }
            catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
            {
                // The issuer's metadata cannot be had: the handler answers 401 for itself.
                return;
            }

            trusted = configuredKeys.Length == 0 ? configuration.SigningKeys : [.. configuredKeys, .. configuration.SigningKeys];
        }

        var token = authorization[scheme.Length..].Trim();
        if (cache.TryGetValidated(token, trusted, out var identity)
            && UserIds.TryParse(identity.FindFirst(ClaimsPrincipalExtensions.SubjectClaim)?.Value, out _))
        {
            context.Principal = new ClaimsPrincipal(identity);
            context.Success();
            return;
        }

        // The handler takes the token from here instead of cutting it out of the header again
        // (as it would, the same way): one string less for every token seen for the first time.
        context.Token = token;
    }

    private static Task RequireIntegerSubject(TokenValidatedContext context)
    {
        var subject = context.Principal?.FindFirst(ClaimsPrincipalExtensions.SubjectClaim)?.Value;
        if (!UserIds.TryParse(subject, out _))
        {
            context.Fail("The token's subject (sub) must be a positive integer user id.");
        }

        return Task.CompletedTask;
    }

    private static async Task WriteProblemChallenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = string.IsNullOrEmpty(context.Error)
            ? "Bearer"
            : $"Bearer error=\"{context.Error}\"";

        // The handler describes expiry, audience, issuer and signature failures itself; our own
        // subject check says its reason; anything else (a malformed token) gets a plain sentence.
        var detail = context.AuthenticateFailure switch
        {
            null => "A bearer token is required.",
            _ when !string.IsNullOrEmpty(context.ErrorDescription) => context.ErrorDescription,
            AuthenticationFailureException ours => ours.Message,
            _ => "The bearer token is not valid.",
        };

        await ProblemResponses.WriteAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }
}
