using System.Numerics;

namespace UserGraph.Grains;

/// <summary>Membership in a sorted array, for the lookups every statuses request makes.</summary>
/// <remarks>
/// <see cref="Array.BinarySearch{T}(T[], T)"/> goes through a comparer and branches on every
/// step; this search narrows a window whose next step is a conditional move, not a branch.
/// 100 lookups: 0.52 vs 0.66 us in a set of 100, 0.93 vs 1.33 us in 10,000, 1.49 vs 2.19 us in
/// 1,000,000 (<c>bench/Micro</c>, Lookup100 against Lookup100ArrayBinarySearch).
/// </remarks>
public static class SortedSearch
{
    public static bool Contains<T>(ReadOnlySpan<T> sorted, T value)
        where T : struct, IComparisonOperators<T, T, bool>
    {
        if (sorted.IsEmpty)
        {
            return false;
        }

        // Invariant: the last element <= value, if any, lies in [start, start + length).
        var start = 0;
        var length = sorted.Length;
        while (length > 1)
        {
            var half = length >> 1;
            start = sorted[start + half] <= value ? start + half : start;
            length -= half;
        }

        return sorted[start] == value;
    }
}
