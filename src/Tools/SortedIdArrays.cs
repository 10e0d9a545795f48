namespace UserGraph.Tools;

/// <summary>Set operations on strictly ascending id arrays, in one pass each.</summary>
public static class SortedIdArrays
{
    public static long[] Union(long[] a, long[] b)
    {
        if (b.Length == 0)
        {
            return a;
        }

        if (a.Length == 0)
        {
            return b;
        }

        var result = new long[a.Length + b.Length];
        int i = 0, j = 0, n = 0;
        while (i < a.Length || j < b.Length)
        {
            if (j == b.Length || (i < a.Length && a[i] < b[j]))
            {
                result[n++] = a[i++];
            }
            else if (i == a.Length || b[j] < a[i])
            {
                result[n++] = b[j++];
            }
            else
            {
                result[n++] = a[i++];
                j++;
            }
        }

        return n == result.Length ? result : result[..n];
    }

    public static long[] Except(long[] a, HashSet<long> removed) =>
        removed.Count == 0 || !a.Any(removed.Contains) ? a : [.. a.Where(id => !removed.Contains(id))];
}
