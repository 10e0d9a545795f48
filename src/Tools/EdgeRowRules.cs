using UserGraph.Gateway;

namespace UserGraph.Tools;

/// <summary>What every row must satisfy, whatever its format.</summary>
public static class EdgeRowRules
{
    /// <summary>Reads the fields of a row as text; the reason when they do not make a valid row.</summary>
    public static string? TryBuild(
        ReadOnlySpan<char> kindText, ReadOnlySpan<char> fromText, ReadOnlySpan<char> toText, ReadOnlySpan<char> createdText, out EdgeRow row)
    {
        row = default;
        if (!EdgeKindNames.TryParse(kindText, out var kind))
        {
            return $"unknown kind '{Shorten(kindText)}' (follow, hide, block, connection or connection_request)";
        }

        if (!UserIds.TryParse(fromText, out var from))
        {
            return $"from_id '{Shorten(fromText)}' is not a user id (a positive whole number)";
        }

        if (!UserIds.TryParse(toText, out var to))
        {
            return $"to_id '{Shorten(toText)}' is not a user id (a positive whole number)";
        }

        if (from == to)
        {
            return "from_id and to_id are the same user";
        }

        DateTime? created = null;
        if (!createdText.IsEmpty)
        {
            if (!CreatedTime.TryParse(createdText, out var utc))
            {
                return $"created '{Shorten(createdText)}' is not an ISO 8601 time";
            }

            created = utc;
        }

        row = new EdgeRow(kind, from, to, created);
        return null;
    }

    // A reject file line should stay readable when the field is a megabyte of garbage.
    private static string Shorten(ReadOnlySpan<char> text) =>
        text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");
}
