using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
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
        // XXH3 over the ids' in-memory bytes: fixed seed, so stable across processes and restarts
        // of machines with the same byte order (a cluster's silos), unlike string.GetHashCode. The
        // byte-at-a-time FNV it replaced was 1% of the statuses endpoint's CPU at 100 ids.
        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(userIds));

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
