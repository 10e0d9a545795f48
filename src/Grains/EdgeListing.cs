using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// Pages of a user list ordered mutual entries first (those also in <c>mutualWith</c>), then the
/// rest, each part by ascending id: a stable order that needs no timestamps.
/// </summary>
public static class EdgeListing
{
    public static UserIdPage Page(UserIdSet list, UserIdSet mutualWith, MutualFilter filter, int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);

        var ids = list.Ids.Span;
        var mutualCount = 0;
        foreach (var id in ids)
        {
            if (mutualWith.Contains(id))
            {
                mutualCount++;
            }
        }

        var total = filter switch
        {
            MutualFilter.MutualOnly => mutualCount,
            MutualFilter.NonMutualOnly => ids.Length - mutualCount,
            _ => ids.Length,
        };

        var page = new List<long>(Math.Max(0, Math.Min(limit, total - offset)));
        var skipped = 0;
        if (filter != MutualFilter.NonMutualOnly)
        {
            Collect(ids, mutualWith, wantMutual: true, offset, limit, page, ref skipped);
        }

        if (filter != MutualFilter.MutualOnly)
        {
            Collect(ids, mutualWith, wantMutual: false, offset, limit, page, ref skipped);
        }

        return new UserIdPage(total, [.. page]);
    }

    /// <summary>A page of a list already in its order (ascending ids), with the list's length as the total.</summary>
    public static UserIdPage PageOf(long[] ordered, int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var start = Math.Min(offset, ordered.Length);
        return new UserIdPage(ordered.Length, ordered.AsSpan(start, Math.Min(limit, ordered.Length - start)).ToArray());
    }

    private static void Collect(
        ReadOnlySpan<long> ids, UserIdSet mutualWith, bool wantMutual, int offset, int limit, List<long> page, ref int skipped)
    {
        foreach (var id in ids)
        {
            if (page.Count == limit)
            {
                return;
            }

            if (mutualWith.Contains(id) != wantMutual)
            {
                continue;
            }

            if (skipped < offset)
            {
                skipped++;
                continue;
            }

            page.Add(id);
        }
    }
}
