using System.Text.Json;

namespace UserGraph.Gateway;

/// <summary>The REST API's <c>connection_status</c> values, the one place they are spelled.</summary>
public static class ConnectionStatusNames
{
    private static readonly string?[] Names =
        [null, "followed", "connected", "sent_connection_request", "received_connection_request"];

    private static readonly JsonEncodedText[] Encoded = [.. Names.Skip(1).Select(n => JsonEncodedText.Encode(n!))];

    /// <summary>The status as API.md spells it; <see cref="ConnectionStatus.None"/> is <c>null</c>.</summary>
    public static string? ToApiValue(ConnectionStatus status) =>
        (int)status < Names.Length
            ? Names[(int)status]
            : throw new ArgumentOutOfRangeException(nameof(status), status, "A status the gateway does not know yet.");

    /// <summary>Writes the status as API.md spells it; <see cref="ConnectionStatus.None"/> is <c>null</c>.</summary>
    public static void WriteValue(Utf8JsonWriter writer, ConnectionStatus status)
    {
        if (status == ConnectionStatus.None)
        {
            writer.WriteNullValue();
        }
        else if ((int)status < Names.Length)
        {
            writer.WriteStringValue(Encoded[(int)status - 1]);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A status the gateway does not know yet.");
        }
    }
}
