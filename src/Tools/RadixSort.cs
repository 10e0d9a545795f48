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

    /// <summary>Sorts the first <paramref name="count"/> keys ascending; every key must be at least 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(long[] keys, int count)
    {
        if (count < 2)
        {
            return;
        }

        long max = 0;
        for (var i = 0; i < count; i++)
        {
            if (keys[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(keys), "Keys must not be negative.");
            }

            max |= keys[i];
        }

        var bits = 64 - (int)long.LeadingZeroCount(max);
        var source = keys;
        var target = new long[count];
        var counts = new int[Buckets];
        for (var shift = 0; shift < bits; shift += DigitBits)
        {
            Array.Clear(counts);
            for (var i = 0; i < count; i++)
            {
                counts[(int)((source[i] >> shift) & (Buckets - 1))]++;
            }

            if (Array.IndexOf(counts, count) >= 0)
            {
                continue; // every key has the same digit here: nothing would move
            }

            var position = 0;
            for (var b = 0; b < Buckets; b++)
            {
                (counts[b], position) = (position, position + counts[b]);
            }

            for (var i = 0; i < count; i++)
            {
                var key = source[i];
                target[counts[(int)((key >> shift) & (Buckets - 1))]++] = key;
            }

            (source, target) = (target, source);
        }

        if (!ReferenceEquals(source, keys))
        {
            Array.Copy(source, keys, count);
        }
    }
}
