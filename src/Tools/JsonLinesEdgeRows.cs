using System.Text;
using System.Text.Json;

namespace UserGraph.Tools;

/// <summary>
/// The JSON Lines format: one object per line with <c>kind</c>, <c>from_id</c>, <c>to_id</c> and an
/// optional <c>created</c>. Ids may be numbers or strings of digits (JavaScript exports write
/// large ids as strings); other members are ignored.
/// </summary>
public static class JsonLinesEdgeRows
{
    /// <returns>The reason the line is not a valid row, or <c>null</c>.</returns>
    public static string? TryParse(string line, out EdgeRow row)
    {
        row = default;
        string? kind = null, from = null, to = null, created = null;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line), new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var value = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
                    JsonTokenType.Null => null,
                    _ => Skip(ref reader),
                };
                switch (name)
                {
                    case "kind": kind = value; break;
                    case "from_id": from = value; break;
                    case "to_id": to = value; break;
                    case "created": created = value; break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return "not a single JSON object";
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or DecoderFallbackException)
        {
            // InvalidOperationException: a lone surrogate escape inside a string (#17).
            return "not valid JSON";
        }

        if (kind is null || from is null || to is null)
        {
            return "missing kind, from_id or to_id";
        }

        return EdgeRowRules.TryBuild(kind, from, to, created, out row);
    }

    public static string Format(EdgeRow row)
    {
        var kind = EdgeKindNames.Name(row.Kind);
        return row.Created is { } created
            ? $$"""{"kind":"{{kind}}","from_id":{{row.From}},"to_id":{{row.To}},"created":"{{CreatedTime.Format(created)}}"}"""
            : $$"""{"kind":"{{kind}}","from_id":{{row.From}},"to_id":{{row.To}}}""";
    }

    private static string? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return "";
    }
}
