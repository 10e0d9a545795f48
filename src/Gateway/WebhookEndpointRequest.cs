using System.Text.Json;

namespace UserGraph.Gateway;

/// <summary>Reads the body of <c>POST /admin/webhooks</c>: <c>{"url", "secret", "events"}</c>.</summary>
public static class WebhookEndpointRequest
{
    /// <returns>The spec, or why the body is not one (any bytes at all are answered, never thrown).</returns>
    public static (WebhookEndpointSpec? Spec, string? Problem) Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The body must be a JSON object: {\"url\": \"https://…\", \"secret\": \"whsec_…\", \"events\": [\"*\"]}.");
            }

            var url = StringProperty(root, "url");
            var secret = StringProperty(root, "secret");
            string[]? events = null;
            if (root.TryGetProperty("events", out var list) && list.ValueKind == JsonValueKind.Array
                && list.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            {
                events = [.. list.EnumerateArray().Select(e => e.GetString()!)];
            }

            if (url is null || secret is null || events is null)
            {
                return (null, "'url' and 'secret' must be strings and 'events' an array of strings.");
            }

            var spec = new WebhookEndpointSpec(url, secret, events);
            return spec.Problem() is { } problem ? (null, problem) : (spec, null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            return (null, "The body is not valid JSON in UTF-8.");
        }
    }

    private static string? StringProperty(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
