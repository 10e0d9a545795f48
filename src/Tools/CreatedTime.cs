using System.Globalization;

namespace UserGraph.Tools;

/// <summary>The <c>created</c> column: ISO 8601, read to UTC and written back to the tick.</summary>
public static class CreatedTime
{
    // Strict on purpose: a lenient parse would read "03/04/2020" one way here and another way
    // in the source system.
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd' 'HH:mm:ssK",
        "yyyy-MM-dd",
    ];

    /// <summary>A time without an offset is taken as UTC.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime utc)
    {
        if (DateTimeOffset.TryParseExact(
                text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            utc = parsed.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
    }

    public static string Format(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
