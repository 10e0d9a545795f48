using System.Runtime.CompilerServices;

namespace UserGraph.Tools;

/// <summary>
/// Pairs of users sorted by owner, then by the other user, each once, so that one owner's pairs
/// are a run: packed (owner shifted above the other id) when the ids allow, else in two columns.
/// </summary>
public sealed class SortedEdges
{
    private readonly long[] _keys;
    private readonly int _length;
    private readonly int _shift;
    private readonly long _mask;
    private readonly long[]? _owners;

    private SortedEdges(long[] keys, int length, int shift, long[]? owners)
    {
        _keys = keys;
        _length = length;
        _shift = shift;
        _mask = (1L << shift) - 1;
        _owners = owners;
    }

    public int Length => _length;

    public long OwnerAt(int index) => _owners is null ? _keys[index] >> _shift : _owners[index];

    public long OtherAt(int index) => _owners is null ? _keys[index] & _mask : _keys[index];

    /// <summary>Sorts packed keys (<c>owner &lt;&lt; shift | other</c>) in place and keeps each once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SortedEdges OfPacked(long[] keys, int count, int shift)
    {
        RadixSort.Sort(keys, count);
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            if (n == 0 || keys[n - 1] != keys[i])
            {
                keys[n++] = keys[i];
            }
        }

        return new SortedEdges(keys, n, shift, owners: null);
    }

    /// <summary>Sorts (owner, other) pairs of any ids and keeps each once.</summary>
    public static SortedEdges OfPairs((long Owner, long Other)[] pairs)
    {
        Array.Sort(pairs);
        var owners = new List<long>(pairs.Length);
        var others = new List<long>(pairs.Length);
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i == 0 || pairs[i] != pairs[i - 1])
            {
                owners.Add(pairs[i].Owner);
                others.Add(pairs[i].Other);
            }
        }

        return new SortedEdges([.. others], others.Count, 0, [.. owners]);
    }

    /// <summary>The other users of <paramref name="ownerId"/>'s pairs at the cursor, which moves past them.</summary>
    public long[] Take(ref int cursor, long ownerId)
    {
        var start = cursor;
        while (cursor < _length && OwnerAt(cursor) == ownerId)
        {
            cursor++;
        }

        if (cursor == start)
        {
            return [];
        }

        var others = new long[cursor - start];
        for (var i = 0; i < others.Length; i++)
        {
            others[i] = OtherAt(start + i);
        }

        return others;
    }
}
