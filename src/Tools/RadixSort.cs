using System.Runtime.CompilerServices;

namespace UserGraph.Tools;

/// <summary>
/// Least-significant-digit radix sort of non-negative longs, 11 bits a pass, over only the bits
/// the largest key uses: an import sorts tens of millions of packed pairs twice, and this takes a
/// fraction of the time of a comparison sort.
/// </summary>
public static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;

    /// <summary>Sorts <paramref name="keys"/> ascending; every key must be at least 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(long[] keys)
    {
        if (keys.Length < 2)
        {
            return;
        }

        long max = 0;
        foreach (var key in keys)
        {
            if (key < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(keys), "Keys must not be negative.");
            }

            max |= key;
        }

        var bits = 64 - (int)long.LeadingZeroCount(max);
        var source = keys;
        var target = new long[keys.Length];
        var counts = new int[Buckets];
        for (var shift = 0; shift < bits; shift += DigitBits)
        {
            Array.Clear(counts);
            foreach (var key in source)
            {
                counts[(int)((key >> shift) & (Buckets - 1))]++;
            }

            if (Array.IndexOf(counts, source.Length) >= 0)
            {
                continue; // every key has the same digit here: nothing would move
            }

            var position = 0;
            for (var b = 0; b < Buckets; b++)
            {
                (counts[b], position) = (position, position + counts[b]);
            }

            foreach (var key in source)
            {
                target[counts[(int)((key >> shift) & (Buckets - 1))]++] = key;
            }

            (source, target) = (target, source);
        }

        if (!ReferenceEquals(source, keys))
        {
            Array.Copy(source, keys, keys.Length);
        }
    }
}
