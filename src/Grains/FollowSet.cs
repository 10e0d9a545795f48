namespace UserGraph.Grains;

/// <summary>
/// A set of user ids (followings, followers, hidden…): an immutable, sorted, duplicate-free array.
/// </summary>
/// <remarks>
/// Eight bytes an edge with no per-entry overhead (a <c>HashSet&lt;long&gt;</c> costs about 22),
/// and O(log n) lookups, which is what the statuses query needs, and ordered iteration for lists. Every change builds a new
/// array; that costs O(n), the same as writing the whole state, which a change does anyway.
/// Being immutable lets a read that interleaves with a write see the last durable set, never
/// a change that has not been written yet.
/// </remarks>
public sealed class FollowSet
{
    public static readonly FollowSet Empty = new([]);

    private readonly long[] _ids;

    private FollowSet(long[] sortedIds) => _ids = sortedIds;

    public int Count => _ids.Length;

    /// <summary>The ids in ascending order. The array is shared: callers must not change it.</summary>
    public ReadOnlyMemory<long> Ids => _ids;

    /// <summary>
    /// Wraps ids as loaded from storage. They are checked rather than trusted, because a set
    /// that is not strictly ascending would silently answer lookups wrongly.
    /// </summary>
    public static FollowSet FromSorted(long[]? sortedIds)
    {
        if (sortedIds is null || sortedIds.Length == 0)
        {
            return Empty;
        }

        for (var i = 1; i < sortedIds.Length; i++)
        {
            if (sortedIds[i - 1] >= sortedIds[i])
            {
                throw new InvalidDataException($"Stored follow set is not strictly ascending at index {i}.");
            }
        }

        return new FollowSet(sortedIds);
    }

    public bool Contains(long id) => Array.BinarySearch(_ids, id) >= 0;

    /// <summary>The set with <paramref name="id"/> added, or this set when it is already there.</summary>
    public FollowSet With(long id)
    {
        var index = Array.BinarySearch(_ids, id);
        if (index >= 0)
        {
            return this;
        }

        var insertAt = ~index;
        var ids = new long[_ids.Length + 1];
        Array.Copy(_ids, 0, ids, 0, insertAt);
        ids[insertAt] = id;
        Array.Copy(_ids, insertAt, ids, insertAt + 1, _ids.Length - insertAt);
        return new FollowSet(ids);
    }

    /// <summary>The set without <paramref name="id"/>, or this set when it is not there.</summary>
    public FollowSet Without(long id)
    {
        var index = Array.BinarySearch(_ids, id);
        if (index < 0)
        {
            return this;
        }

        if (_ids.Length == 1)
        {
            return Empty;
        }

        var ids = new long[_ids.Length - 1];
        Array.Copy(_ids, 0, ids, 0, index);
        Array.Copy(_ids, index + 1, ids, index, _ids.Length - index - 1);
        return new FollowSet(ids);
    }

    /// <summary>The set with <paramref name="id"/> present or absent as asked; this set when it already is.</summary>
    public FollowSet With(long id, bool present) => present ? With(id) : Without(id);

    /// <summary>The array to persist; shared, not copied.</summary>
    internal long[] ToStorage() => _ids;
}
