using System.Globalization;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Silo;

/// <summary>
/// The key of Orleans' pub-sub grain for a user's change stream: the qualified stream id,
/// <c>graph-changes/user-graph/{userId}</c>, the user id written as <see cref="Orleans.Runtime.StreamId.Create(string, long)"/> writes it.
/// </summary>
internal static class ChangeStreamPubSubKey
{
    private static readonly string Prefix = $"{GraphChangeStreams.ProviderName}/{GraphChangeStreams.Namespace}/";

    public static string For(long userId) => Prefix + userId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The user whose change stream <paramref name="key"/> names, or none for any other stream.</summary>
    public static bool TryParseUserId(string key, out long userId)
    {
        userId = 0;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var id = key.AsSpan(Prefix.Length);
        // Only the id's one spelling: "user-graph/007" is another stream than user 7's.
        return long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out userId)
            && id.SequenceEqual(userId.ToString(CultureInfo.InvariantCulture));
    }
}
