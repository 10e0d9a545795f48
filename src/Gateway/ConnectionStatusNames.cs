using System.Text.Json;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Gateway;

/// <summary>The REST API's <c>connection_status</c> values, the one place they are spelled.</summary>
public static class ConnectionStatusNames
{
    private const string FollowedName = "followed";
    private static readonly JsonEncodedText Followed = JsonEncodedText.Encode(FollowedName);

    /// <summary>The status as API.md spells it; <see cref="ConnectionStatus.None"/> is <c>null</c>.</summary>
    public static string? ToApiValue(ConnectionStatus status) => status switch
    {
        ConnectionStatus.None => null,
        ConnectionStatus.Followed => FollowedName,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status the gateway does not know yet."),
    };

    /// <summary>Writes the status as API.md spells it; <see cref="ConnectionStatus.None"/> is <c>null</c>.</summary>
    public static void WriteValue(Utf8JsonWriter writer, ConnectionStatus status)
    {
        switch (status)
        {
            case ConnectionStatus.None:
                writer.WriteNullValue();
                break;
            case ConnectionStatus.Followed:
                writer.WriteStringValue(Followed);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "A status the gateway does not know yet.");
        }
    }
}
