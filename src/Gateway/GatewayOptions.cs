namespace UserGraph.Gateway;

/// <summary>Limits of the REST gateway, bound from the <c>Gateway</c> configuration section.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Most distinct ids one statuses request may ask for; more answer 400.</summary>
    public int MaxStatusIds { get; set; } = 1000;

    /// <summary>
    /// Largest request body accepted; larger answer 413. The default fits the id limit many
    /// times over even with numeric strings and whitespace.
    /// </summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How long a request may take before it is answered 503 (the client should retry). Grain
    /// calls are also bounded by Orleans' own response timeout.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public RateLimitSettings RateLimit { get; set; } = new();

    /// <summary>
    /// One log line per request (method, path, status, duration), through ASP.NET Core's HTTP
    /// logging; off by default, since a busy gateway would write thousands a second.
    /// </summary>
    public bool LogRequests { get; set; }

    /// <summary>The interactive API reference at <c>/api-reference</c>; unset, it is on in Development only.</summary>
    public bool? ApiReference { get; set; }

    /// <summary>How many validated bearer tokens to remember (until each one expires); 0 turns it off.</summary>
    public int ValidatedTokenCacheSize { get; set; } = 100_000;
}
