namespace UserGraph.Gateway;

/// <summary>A user's counters in connection mode.</summary>
public sealed record ConnectionCountersAnswer(
    [property: JsonPropertyName("connections")] int Connections,
    [property: JsonPropertyName("connection_requests_sent")] int ConnectionRequestsSent,
    [property: JsonPropertyName("connection_requests_received")] int ConnectionRequestsReceived);
