using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace UserGraph.Gateway;

public static class GatewayHostingExtensions
{
    /// <summary>
    /// Registers the REST gateway: bearer authentication, problem answers, limits and the
    /// community mode. The host must also provide an <c>IGrainFactory</c> (co-hosted silo or
    /// Orleans client).
    /// </summary>
    public static WebApplicationBuilder AddUserGraphGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.SectionName))
            .Validate(
                o => o.MaxStatusIds > 0 && o.MaxRequestBodyBytes > 0 && o.RequestTimeout > TimeSpan.Zero
                     && o.RateLimit is { UserPermitsPerSecond: > 0, UserBurst: > 0, AddressPermitsPerSecond: > 0, AddressBurst: > 0 },
                "Gateway limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<CommunityOptions>()
            .Bind(builder.Configuration.GetSection(CommunityOptions.SectionName))
            .Validate(o => Enum.IsDefined(o.Mode), "Community:Mode must be 'follow' or 'connection'.")
            .ValidateOnStart();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.AddHostedService<SigningKeyRefresher>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Validate(
                o => o.Authority is not null || o.TokenValidationParameters.IssuerSigningKeys?.Any() == true,
                "Authentication:Schemes:Bearer needs SigningKeys or an Authority.")
            .Validate(
                o => o.TokenValidationParameters.ValidAudiences?.Any() == true
                     || o.TokenValidationParameters.ValidAudience is not null
                     || o.Audience is not null,
                "Authentication:Schemes:Bearer needs ValidAudiences (or Audience).")
            .ValidateOnStart();
        services.AddAuthorization(authorization => authorization.AddPolicy(GraphAdminPolicy.Name, GraphAdminPolicy.Configure));

        services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = RouteUserIdProblem.Describe);
        services.AddExceptionHandler<GraphExceptionHandler>();
        services.AddGatewayProtection();
        services.AddGraphOpenApi();

        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GatewayOptions>>((kestrel, gateway) =>
                kestrel.Limits.MaxRequestBodySize = gateway.Value.MaxRequestBodyBytes);
        return builder;
    }

    /// <summary>Adds the gateway's middleware and routes.</summary>
    public static WebApplication UseUserGraphGateway(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        if (options.LogRequests)
        {
            // First, so that the line has the status the client finally got.
            app.UseHttpLogging();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (ApiReference.Enabled(app, options))
        {
            // Static pages, before authentication: the page is public, the calls it makes are not.
            app.UseApiReference();
        }

        app.UseAuthentication();
        app.UseUserLogScope();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseRequestTimeouts();
        app.MapUserGraphApi();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
