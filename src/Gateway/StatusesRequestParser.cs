using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace UserGraph.Gateway;

/// <summary>
/// Reads the body of the statuses endpoint as leniently as API.md asks: a JSON object under a
/// JSON or a form content type (the reference's own examples send JSON labelled as a form), or
/// true form encoding with <c>users=1&amp;users=7</c> or <c>users=1,7,9</c>.
/// </summary>
public sealed class StatusesRequestParser
{
    private const string UsersKey = "users";
    private const string BracketedUsersKey = "users[]";

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private readonly int _maxIds;

    public StatusesRequestParser(int maxIds) => _maxIds = maxIds;

    public StatusesRequest Parse(ReadOnlySpan<byte> body, string? contentType)
    {
        // Some clients (and editors saving request files) prefix UTF-8 with a byte order mark.
        if (body.StartsWith(Utf8ByteOrderMark))
        {
            body = body[Utf8ByteOrderMark.Length..];
        }

        var firstByte = FirstNonWhitespace(body);
        if (firstByte < 0)
        {
            return StatusesRequest.Ok([]);
        }

        if (firstByte is (byte)'{' or (byte)'[' || IsJson(contentType))
        {
            return ParseJson(body);
        }

        if (IsForm(contentType))
        {
            return ParseForm(body);
        }

        return StatusesRequest.Refused(
            StatusCodes.Status415UnsupportedMediaType,
            "Send the body as JSON ({\"users\": [1, 7]}) or form encoded (users=1&users=7).");
    }

    /// <summary>The ids of a GET query string: <c>?users=1,7,9</c> or <c>?users=1&amp;users=7</c>.</summary>
    public StatusesRequest ParseQuery(string? queryString) => ParseFormText(queryString ?? "");

    private StatusesRequest ParseJson(ReadOnlySpan<byte> body)
    {
        using var ids = new DistinctIdCollector(_maxIds, body.Length);
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return StatusesRequest.Invalid("The body must be a JSON object such as {\"users\": [1, 7]}.");
            }

            var seenUsers = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals(UsersKey))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                if (seenUsers)
                {
                    return StatusesRequest.Invalid("The body names \"users\" more than once.");
                }

                seenUsers = true;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return StatusesRequest.Invalid("\"users\" must be an array of user ids.");
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!TryReadId(ref reader, out var id))
                    {
                        return StatusesRequest.Invalid(
                            "Every entry of \"users\" must be a positive integer id, as a number or a numeric string.");
                    }

                    if (!ids.Add(id))
                    {
                        return TooMany();
                    }
                }
            }

            // The reader stops at the closing brace; anything after it is not one JSON document.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return StatusesRequest.Invalid("The body is not a single JSON object.");
            }
        }
        catch (JsonException)
        {
            return StatusesRequest.Invalid("The body is not valid JSON.");
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-8 or holds a lone surrogate escape ("\ud800"): the
            // reader throws this, not a JsonException, when the text is copied out.
            return StatusesRequest.Invalid("The body holds text that is not valid Unicode.");
        }

        return StatusesRequest.Ok(ids.ToArray());
    }

    private static bool TryReadId(ref Utf8JsonReader reader, out long id)
    {
        id = 0;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out id) && UserIds.IsValid(id);
            case JsonTokenType.String:
                // An id has at most 19 digits; a longer string is refused before it is copied.
                if (reader.ValueSpan.Length > 64)
                {
                    return false;
                }

                Span<char> text = stackalloc char[reader.ValueSpan.Length];
                var length = reader.CopyString(text);
                return UserIds.TryParse(text[..length], out id);
            default:
                return false;
        }
    }

    private StatusesRequest ParseForm(ReadOnlySpan<byte> body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return StatusesRequest.Invalid("The form body is not valid UTF-8.");
        }

        return ParseFormText(text);
    }

    private StatusesRequest ParseFormText(string text)
    {
        using var ids = new DistinctIdCollector(_maxIds, text.Length);
        foreach (var pair in new QueryStringEnumerable(text))
        {
            var key = pair.DecodeName().Span;
            if (!key.SequenceEqual(UsersKey) && !key.SequenceEqual(BracketedUsersKey))
            {
                continue;
            }

            var value = pair.DecodeValue().Span;
            foreach (var range in value.Split(','))
            {
                var part = value[range].Trim();
                if (part.IsEmpty)
                {
                    continue;
                }

                if (!UserIds.TryParse(part, out var id))
                {
                    return StatusesRequest.Invalid("Every \"users\" value must be a positive integer id.");
                }

                if (!ids.Add(id))
                {
                    return TooMany();
                }
            }
        }

        return StatusesRequest.Ok(ids.ToArray());
    }

    private StatusesRequest TooMany() =>
        StatusesRequest.Invalid($"At most {_maxIds} distinct user ids may be asked for at once.");

    private static int FirstNonWhitespace(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return -1;
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
