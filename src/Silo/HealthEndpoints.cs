using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UserGraph.Silo;

/// <summary>
/// <c>/health/live</c>: the process serves HTTP (restart it when this fails).
/// <c>/health/ready</c>: the database and the cluster answer (send traffic only when this passes).
/// Both are anonymous, for load balancers, docker-compose and Kubernetes probes.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddGraphHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [ReadyTag])
            .AddCheck<OrleansHealthCheck>("orleans", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapGraphHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous()
            .DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous()
            .DisableRateLimiting();
        return endpoints;
    }
}
