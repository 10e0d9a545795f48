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

    // Recorded on every request, buffer or grain message but saying nothing that
    // http.server.request.duration, aspnetcore.rate_limiting.requests and
    // orleans-app-requests-latency do not: each recording costs a lookup and an update in the
    // exporter. OpenTelemetry was 7.5% of the statuses endpoint's CPU samples with all of them on,
    // and the memory pool and message counters alone about 3 us a request afterwards (perf
    // profile under the bench/run.sh load).
    private static readonly string[] PerRequestInstrumentsDropped =
    [
        "aspnetcore.routing.match_attempts",
        "aspnetcore.authentication.authenticate.duration",
        "aspnetcore.authorization.attempts",
        "aspnetcore.rate_limiting.request_lease.duration",
        "aspnetcore.rate_limiting.active_request_leases",
        // Every 4 KB block Kestrel rents and returns; allocated and evicted (the ones that show a
        // leak or a pool too small) stay.
        "aspnetcore.memory_pool.rented",
        "aspnetcore.memory_pool.pooled",
        // Every message a grain call sends and receives inside the silo, counted up to four times.
        "orleans-messaging-processing-dispatcher-received",
        "orleans-messaging-processing-dispatcher-processed",
        "orleans-messaging-processing-ima-received",
        "orleans-messaging-processing-ima-enqueued",
    ];

    // ASP.NET Core's advised buckets jump from 10 to 25 to 50 ms, where this service's p99 lives
    // (statuses a few ms, writes with their two commits tens): too coarse to tell a p99 of 12 ms
    // from 24, which is what a latency objective and the soak (bench/soak.sh) need to know.
    internal static readonly double[] LatencyBoundaries =
    [
        0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.075,
        0.1, 0.15, 0.25, 0.5, 0.75, 1, 2.5, 5, 10,
    ];

    /// <summary>Traces are recorded, and carried across grain calls, only when something receives them.</summary>
    public static bool TracesExported(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

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
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.Orleans")
                    .AddMeter(GraphJournalMetrics.MeterName)
                    .AddNpgsqlInstrumentation()
                    .AddPrometheusExporter();
                metrics.AddView("http.server.request.duration", new ExplicitBucketHistogramConfiguration { Boundaries = LatencyBoundaries });
                foreach (var instrument in PerRequestInstrumentsDropped)
                {
                    metrics.AddView(instrument, MetricStreamConfiguration.Drop);
                }
            });

        // Traces only when something receives them: recording spans for every request and grain
        // call with nowhere to send them would cost throughput for nothing.
        if (TracesExported(builder.Configuration))
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
