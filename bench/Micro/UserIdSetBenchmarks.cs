using BenchmarkDotNet.Attributes;
using UserGraph.Grains;

namespace UserGraph.Bench.Micro;

/// <summary>
/// The statuses lookup (100 ids, half of them present), one follow or unfollow, and a run of
/// 3,000 new followers (which includes the overlay folds a single change does not show), by set size.
/// </summary>
[MemoryDiagnoser]
public class UserIdSetBenchmarks
{
    private UserIdSet _set = UserIdSet.Empty;
    // Many batches, one per call: a single batch repeated lets the branch predictor learn the
    // search's every step, which no real caller's ids allow (it made a branchy search look fast).
    private long[][] _batches = [];
    private int _nextBatch;
    private int[] _sortedInts = [];
    private long _absent;
    private long _present;

    private const int QueryBatches = 4096;

    [Params(100, 10_000, 1_000_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var ids = Enumerable.Range(0, Size).Select(i => (long)i * 2 + 2).ToArray();
        _set = UserIdSet.FromSorted(ids);
        _sortedInts = ids.Select(id => (int)id).ToArray();
        _batches = Enumerable.Range(0, QueryBatches)
            .Select(_ => Enumerable.Range(0, 100)
                .Select(i => i % 2 == 0 ? ids[random.Next(ids.Length)] : (long)random.Next(1, Size) * 2 + 1)
                .ToArray())
            .ToArray();
        _absent = Size + 1L;
        _present = ids[ids.Length / 2];
    }

    [Benchmark]
    public int Lookup100()
    {
        var found = 0;
        foreach (var id in NextBatch())
        {
            found += _set.Contains(id) ? 1 : 0;
        }

        return found;
    }

    /// <summary>The same lookups as one batch, the way the statuses query makes them.</summary>
    [Benchmark]
    public int Lookup100Batch()
    {
        Span<bool> contained = stackalloc bool[100];
        _set.ContainsEach(NextBatch(), contained);
        return contained.Count(true);
    }

    /// <summary>The same lookups with the framework's binary search over the same ints: what the set used before.</summary>
    [Benchmark]
    public int Lookup100ArrayBinarySearch()
    {
        var found = 0;
        foreach (var id in NextBatch())
        {
            found += Array.BinarySearch(_sortedInts, (int)id) >= 0 ? 1 : 0;
        }

        return found;
    }

    private long[] NextBatch() => _batches[_nextBatch++ & (QueryBatches - 1)];

    [Benchmark]
    public UserIdSet Add() => _set.With(_absent);

    [Benchmark]
    public UserIdSet Remove() => _set.Without(_present);

    [Benchmark(OperationsPerInvoke = 3000)]
    public UserIdSet Add3000()
    {
        var set = _set;
        for (var i = 0; i < 3000; i++)
        {
            set = set.With(i * 2L + 1);
        }

        return set;
    }
}
