using System.Text;
using System.Text.Json;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// One webhook delivery's content: the Standard Webhooks envelope (<c>type</c>, <c>timestamp</c>,
/// <c>data</c>) of one logged change. Its id is the change's log position, so it is the same on
/// every retry and replay, and a receiver can drop duplicates by it.
/// </summary>
public sealed record WebhookMessage(string Id, string EventType, long UserId, long Position, string Payload)
{
    public static WebhookMessage From(LoggedChange logged)
    {
        var change = logged.Change;
        var eventType = GraphChangeNames.EventType(change.Kind);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", eventType);
            json.WriteString("timestamp", logged.Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartObject("data");
            json.WriteNumber("position", change.Position);
            json.WriteString("kind", GraphChangeNames.KindName(change.Kind));
            json.WriteNumber("user_id", change.UserId);
            json.WriteNumber("other_user_id", change.OtherUserId);
            json.WriteNumber("version", change.GraphVersion);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return new WebhookMessage($"msg_{change.Position}", eventType, change.UserId, change.Position, Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
