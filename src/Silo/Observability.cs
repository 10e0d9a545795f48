using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace UserGraph.Silo;

/// <summary>
/// Metrics and traces of ASP.NET Core, Orleans (its built-in meter and activity sources) and
/// Npgsql through OpenTelemetry: metrics scraped at <c>/metrics</c> (Prometheus format); metrics and
/// traces exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Logs carry the trace id and span id (and,
/// from the gateway, the caller's user id); <c>Logging:Json=true</c> writes them as JSON lines.
/// </summary>
public static class Observability
{
    private static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static WebApplicationBuilder AddGraphObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(logging =>
            logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (builder.Configuration.GetValue("Logging:Json", false))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json => json.IncludeScopes = true);
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration.GetValue("OTEL_SERVICE_NAME", "user-graph")!))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.Orleans")
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());

        // Traces only when something receives them: recording spans for every request and grain
        // call with nowhere to send them would cost throughput for nothing.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddSource(OrleansActivitySources)
                    .AddNpgsql())
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>The Prometheus scrape endpoint; keep it on the internal network (it is not authenticated).</summary>
    public static WebApplication UseGraphObservability(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").DisableRateLimiting();
        return app;
    }
}
