namespace UserGraph.Gateway;

/// <summary><c>{"connection_status": ...}</c>: the caller's status toward a user after a write, or on asking.</summary>
public sealed record ConnectionStatusAnswer([property: JsonPropertyName("connection_status")] string? ConnectionStatus)
{
    public static ConnectionStatusAnswer Of(ConnectionStatus status) => new(ConnectionStatusNames.ToApiValue(status));
}
