using System.Globalization;

namespace UserGraph.Gateway;

/// <summary>The one definition of what the API accepts as a user id: a positive 64-bit integer.</summary>
public static class UserIds
{
    /// <summary>Parses plain decimal digits (no sign, no spaces) into a positive id.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long id)
    {
        id = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }

    public static bool IsValid(long id) => id > 0;
}
