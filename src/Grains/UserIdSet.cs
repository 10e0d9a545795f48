using System.Buffers;

namespace UserGraph.Grains;

/// <summary>
/// A set of user ids, one per kind of edge (followings, followers, hidden, blocked…): immutable,
/// sorted, duplicate-free.
/// </summary>
/// <remarks>
/// <para>
/// A sorted array with no per-entry overhead (a <c>HashSet&lt;long&gt;</c> costs about 22 bytes
/// an edge), O(log n) lookups, which is what the statuses query needs, and ordered iteration for
/// lists. Ids are 64-bit, but while every id of a set fits in 31 bits (communities up to two
/// billion users) the array holds them as <c>int</c>: four bytes an edge instead of eight. The
/// first larger id widens that set.
/// </para>
/// <para>
/// Being immutable lets a read that interleaves with a write see the last durable set, never a
/// change that has not been written yet. A change to a small set copies its array. A large set
/// (a celebrity's followers) keeps its sorted base and records changes in two small sorted
/// overlays, added and removed, folded into a new base once they hold about √n ids: a change then
/// copies about √n ids instead of n (a new follower of a user with a million allocates ~12 KB on
/// average in bench/Micro, instead of copying 4-8 MB).
/// </para>
/// </remarks>
public sealed class UserIdSet
{
    public static readonly UserIdSet Empty = new(SortedIds.Of([]), null);

    /// <summary>Sets smaller than this are copied whole on every change; the overlay only pays off above it.</summary>
    internal const int OverlayThreshold = 4096;

    private readonly SortedIds _base;

    // Null for every set without pending changes, which is almost all of them: an active
    // user's sets then cost one small object and their array.
    private readonly Overlay? _overlay;

    private UserIdSet(SortedIds sortedBase, Overlay? overlay)
    {
        _base = sortedBase;
        _overlay = overlay is { Added.Length: 0, Removed.Length: 0 } ? null : overlay;
    }

    private long[] AddedIds => _overlay?.Added ?? [];

    private long[] RemovedIds => _overlay?.Removed ?? [];

    public int Count => _base.Length + (_overlay is null ? 0 : _overlay.Added.Length - _overlay.Removed.Length);

    /// <summary>The ids in ascending order, as a new or shared array that callers must not change.</summary>
    public ReadOnlyMemory<long> Ids => Merged();

    /// <summary>Whether both sets hold the same ids (whatever their layout in memory).</summary>
    public bool SetEquals(UserIdSet other) =>
        ReferenceEquals(this, other) || (Count == other.Count && Ids.Span.SequenceEqual(other.Ids.Span));

    /// <summary>
    /// Wraps ids as loaded from storage. They are checked rather than trusted, because a set
    /// that is not strictly ascending would silently answer lookups wrongly.
    /// </summary>
    public static UserIdSet FromSorted(long[]? sortedIds)
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

        return new UserIdSet(SortedIds.Of(sortedIds), null);
    }

    public bool Contains(long id) =>
        _overlay is null
            ? _base.Contains(id)
            : _base.Contains(id)
                ? !SortedSearch.Contains(_overlay.Removed, id)
                : SortedSearch.Contains(_overlay.Added, id);

    /// <summary>
    /// <see cref="Contains"/> for each of <paramref name="ids"/>, into <paramref name="contained"/>:
    /// the statuses query's lookups, searched side by side (see <see cref="SortedSearch.ContainsEach{T}"/>).
    /// </summary>
    public void ContainsEach(ReadOnlySpan<long> ids, Span<bool> contained)
    {
        if (_overlay is null)
        {
            _base.ContainsEach(ids, contained);
            return;
        }

        for (var i = 0; i < ids.Length; i++)
        {
            contained[i] = Contains(ids[i]);
        }
    }

    /// <summary>
    /// Those of <paramref name="ids"/> in this set, in their order: an intersection that costs
    /// one lookup per given id, so callers pass the smaller side.
    /// </summary>
    /// <remarks>
    /// Ids in ascending order and about as many as the set (a million against a million) are
    /// merged in one pass instead of searched one by one.
    /// </remarks>
    public long[] Among(ReadOnlySpan<long> ids)
    {
        if (ids.IsEmpty || Count == 0)
        {
            return [];
        }

        if (ids.Length >= Count / 16 && SortedSearch.IsStrictlyAscending(ids))
        {
            return SortedSearch.Intersect(Ids.Span, ids);
        }

        var contained = new bool[ids.Length];
        ContainsEach(ids, contained);
        var found = new List<long>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (contained[i])
            {
                found.Add(ids[i]);
            }
        }

        return [.. found];
    }

    /// <summary>The set with <paramref name="id"/> added, or this set when it is already there.</summary>
    public UserIdSet With(long id)
    {
        if (Contains(id))
        {
            return this;
        }

        if (_base.Length < OverlayThreshold)
        {
            return new UserIdSet(SortedIds.Of(Insert(Merged(), id)), null);
        }

        var removedAt = Array.BinarySearch(RemovedIds, id);
        return removedAt >= 0
            ? Overlaid(AddedIds, RemoveAt(RemovedIds, removedAt))
            : Overlaid(Insert(AddedIds, id), RemovedIds);
    }

    /// <summary>The set without <paramref name="id"/>, or this set when it is not there.</summary>
    public UserIdSet Without(long id)
    {
        if (!Contains(id))
        {
            return this;
        }

        if (Count == 1)
        {
            return Empty;
        }

        if (_base.Length < OverlayThreshold)
        {
            var ids = Merged();
            return new UserIdSet(SortedIds.Of(RemoveAt(ids, Array.BinarySearch(ids, id))), null);
        }

        var addedAt = Array.BinarySearch(AddedIds, id);
        return addedAt >= 0
            ? Overlaid(RemoveAt(AddedIds, addedAt), RemovedIds)
            : Overlaid(AddedIds, Insert(RemovedIds, id));
    }

    /// <summary>The set with <paramref name="id"/> present or absent as asked; this set when it already is.</summary>
    public UserIdSet With(long id, bool present) => present ? With(id) : Without(id);

    /// <summary>The ids to persist, in ascending order.</summary>
    internal long[] ToStorage() => Merged();

    private UserIdSet Overlaid(long[] added, long[] removed)
    {
        var next = new UserIdSet(_base, new Overlay(added, removed));
        return added.Length + removed.Length > Math.Sqrt(_base.Length) ? new UserIdSet(SortedIds.Of(next.Merged()), null) : next;
    }

    /// <summary>
    /// The base with the overlays applied. Computed on each call for sets without overlay (the
    /// caller gets a copy, nothing is kept), and once per instance for sets with one (two threads
    /// may race to compute it; both produce the same array, so either result may win).
    /// </summary>
    private long[] Merged()
    {
        if (_overlay is null)
        {
            return _base.ToLongs();
        }

        if (_overlay.Merged is { } merged)
        {
            return merged;
        }

        var result = new long[Count];
        int b = 0, a = 0, r = 0, n = 0;
        var added = _overlay.Added;
        var removed = _overlay.Removed;
        while (b < _base.Length || a < added.Length)
        {
            if (a == added.Length || (b < _base.Length && _base[b] < added[a]))
            {
                if (r < removed.Length && removed[r] == _base[b])
                {
                    r++;
                }
                else
                {
                    result[n++] = _base[b];
                }

                b++;
            }
            else
            {
                result[n++] = added[a++];
            }
        }

        _overlay.Merged = result;
        return result;
    }

    private static long[] Insert(long[] sorted, long id)
    {
        var insertAt = ~Array.BinarySearch(sorted, id);
        var ids = new long[sorted.Length + 1];
        Array.Copy(sorted, 0, ids, 0, insertAt);
        ids[insertAt] = id;
        Array.Copy(sorted, insertAt, ids, insertAt + 1, sorted.Length - insertAt);
        return ids;
    }

    private static long[] RemoveAt(long[] sorted, int index)
    {
        var ids = new long[sorted.Length - 1];
        Array.Copy(sorted, 0, ids, 0, index);
        Array.Copy(sorted, index + 1, ids, index, sorted.Length - index - 1);
        return ids;
    }

    /// <summary>Changes not yet folded into the base: ids added (not in it) and removed (in it), each sorted.</summary>
    private sealed class Overlay(long[] added, long[] removed)
    {
        public long[] Added { get; } = added;

        public long[] Removed { get; } = removed;

        /// <summary>The base with these changes applied, once someone asked for it.</summary>
        public long[]? Merged { get; set; }
    }

    /// <summary>A sorted id array, narrow (<c>int</c>) while every id fits, else wide.</summary>
    private readonly struct SortedIds
    {
        private const int StackIds = 256;

        private readonly int[]? _narrow;
        private readonly long[]? _wide;

        private SortedIds(int[]? narrow, long[]? wide)
        {
            _narrow = narrow;
            _wide = wide;
        }

        public int Length => _narrow?.Length ?? _wide!.Length;

        public long this[int index] => _narrow is not null ? _narrow[index] : _wide![index];

        public static SortedIds Of(long[] sorted)
        {
            if (sorted.Length == 0 || (sorted[0] >= 0 && sorted[^1] <= int.MaxValue))
            {
                var narrow = new int[sorted.Length];
                for (var i = 0; i < sorted.Length; i++)
                {
                    narrow[i] = (int)sorted[i];
                }

                return new SortedIds(narrow, null);
            }

            return new SortedIds(null, sorted);
        }

        public bool Contains(long id) =>
            _narrow is not null
                ? id is >= 0 and <= int.MaxValue && SortedSearch.Contains(_narrow, (int)id)
                : SortedSearch.Contains(_wide, id);

        public void ContainsEach(ReadOnlySpan<long> ids, Span<bool> contained)
        {
            if (_narrow is null)
            {
                SortedSearch.ContainsEach<long>(_wide, ids, contained);
                return;
            }

            // A narrow set holds ids from 0 to int.MaxValue only, so -1 stands for any id outside
            // that range: it is never found, as Contains answers for such an id.
            int[]? rented = null;
            var narrowIds = ids.Length <= StackIds
                ? stackalloc int[StackIds]
                : rented = ArrayPool<int>.Shared.Rent(ids.Length);
            narrowIds = narrowIds[..ids.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                narrowIds[i] = ids[i] is >= 0 and <= int.MaxValue ? (int)ids[i] : -1;
            }

            SortedSearch.ContainsEach<int>(_narrow, narrowIds, contained);
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }

        public long[] ToLongs()
        {
            if (_wide is not null)
            {
                return _wide;
            }

            var ids = new long[_narrow!.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = _narrow[i];
            }

            return ids;
        }
    }
}
