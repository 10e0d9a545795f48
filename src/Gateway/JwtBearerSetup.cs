using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        var validation = options.TokenValidationParameters;
        validation.ValidateIssuer = true;
        validation.ValidateAudience = true;
        validation.ValidateLifetime = true;
        validation.RequireExpirationTime = true;
        validation.RequireSignedTokens = true;
        validation.ValidateIssuerSigningKey = true;
        validation.NameClaimType = ClaimsPrincipalExtensions.SubjectClaim;

        var cacheSize = gateway.Value.ValidatedTokenCacheSize;
        if (cacheSize > 0)
        {
            for (var i = 0; i < options.TokenHandlers.Count; i++)
            {
                if (options.TokenHandlers[i] is not CachingTokenHandler)
                {
                    options.TokenHandlers[i] = new CachingTokenHandler(options.TokenHandlers[i], cacheSize, TimeProvider.System);
                }
            }
        }

        options.Events ??= new JwtBearerEvents();
        options.Events.OnTokenValidated = RequireIntegerSubject;
        options.Events.OnChallenge = WriteProblemChallenge;
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

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized", Detail = detail },
        });
    }
}
