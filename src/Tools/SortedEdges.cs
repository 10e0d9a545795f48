using System.Runtime.CompilerServices;

namespace UserGraph.Tools;

/// <summary>
/// Pairs sorted by owner, then by the other user, each once, in two columns: the owners, and
/// the other users, so that one owner's list is a slice.
/// </summary>
public sealed class SortedEdges
{
    private SortedEdges(long[] owners, long[] others)
    {
        Owners = owners;
        Others = others;
    }

    public long[] Owners { get; }

    public long[] Others { get; }

    public int Length => Owners.Length;

    /// <param name="reversed">Owned by <see cref="Edge.To"/> (the mirror side) instead of <see cref="Edge.From"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SortedEdges Of(List<Edge> edges, bool reversed)
    {
        // Ids that fit in 63 bits together (below 2^31 each, every community we know of) pack a
        // pair into one long, which a radix sort orders many times faster than pairs are compared.
        long largest = 0;
        foreach (var edge in edges)
        {
            largest |= edge.From | edge.To;
        }

        var idBits = 64 - (int)long.LeadingZeroCount(largest);
        return 2 * idBits <= 63 ? Packed(edges, reversed, idBits) : Pairs(edges, reversed);
    }

    /// <summary>Where the pairs of owners after <paramref name="ownerId"/> start.</summary>
    public int StartAfter(long ownerId)
    {
        int low = 0, high = Owners.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (Owners[mid] <= ownerId)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>The other users of <paramref name="ownerId"/>'s pairs at the cursor, which moves past them.</summary>
    public long[] Take(ref int cursor, long ownerId)
    {
        var start = cursor;
        while (cursor < Owners.Length && Owners[cursor] == ownerId)
        {
            cursor++;
        }

        return cursor == start ? [] : Others[start..cursor];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SortedEdges Packed(List<Edge> edges, bool reversed, int idBits)
    {
        var keys = new long[edges.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var (owner, other) = reversed ? (edges[i].To, edges[i].From) : (edges[i].From, edges[i].To);
            keys[i] = (owner << idBits) | other;
        }

        RadixSort.Sort(keys);
        var n = Unique(keys);
        var owners = new long[n];
        var others = new long[n];
        var otherMask = (1L << idBits) - 1;
        for (var i = 0; i < n; i++)
        {
            owners[i] = keys[i] >> idBits;
            others[i] = keys[i] & otherMask;
        }

        return new SortedEdges(owners, others);
    }

    private static SortedEdges Pairs(List<Edge> edges, bool reversed)
    {
        var pairs = new Edge[edges.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = reversed ? new Edge(edges[i].To, edges[i].From, 0) : edges[i] with { Line = 0 };
        }

        Array.Sort(pairs);
        var owners = new List<long>(pairs.Length);
        var others = new List<long>(pairs.Length);
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i == 0 || pairs[i].From != pairs[i - 1].From || pairs[i].To != pairs[i - 1].To)
            {
                owners.Add(pairs[i].From);
                others.Add(pairs[i].To);
            }
        }

        return new SortedEdges([.. owners], [.. others]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Unique(long[] sorted)
    {
        var n = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (n == 0 || sorted[n - 1] != sorted[i])
            {
                sorted[n++] = sorted[i];
            }
        }

        return n;
    }
}
