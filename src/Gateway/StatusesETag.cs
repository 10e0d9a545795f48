using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace UserGraph.Gateway;

/// <summary>
/// The strong entity tag of a statuses answer: the caller's graph version plus a hash of the
/// requested ids in order. Equal tags mean byte-identical answers, because the version rises
/// with every change to the caller's view and the ids fix the keys and their order.
/// </summary>
public static class StatusesETag
{
    public static string Compute(long graphVersion, ReadOnlySpan<long> userIds)
    {
        // FNV-1a over the ids: stable across processes and restarts, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var id in userIds)
        {
            var value = (ulong)id;
            for (var i = 0; i < 8; i++)
            {
                hash = (hash ^ (value & 0xFF)) * 1099511628211UL;
                value >>= 8;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"\"{graphVersion:x}-{hash:x16}\"");
    }

    /// <summary>Whether an If-None-Match header matches <paramref name="etag"/> (weak comparison, RFC 9110 13.1.2).</summary>
    public static bool IfNoneMatchMatches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch)
            || !EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
