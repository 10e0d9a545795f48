using System.Collections.Concurrent;

namespace UserGraph.Tests.Infrastructure;

/// <summary>Counts the reads a test made right after a write, and describes those that did not show it.</summary>
public sealed class StaleReads
{
    private readonly ConcurrentQueue<string> _stale = new();
    private int _reads;

    public int Reads => _reads;

    public IReadOnlyCollection<string> Stale => _stale;

    /// <summary>Records one read; <paramref name="fresh"/> is whether it showed the write.</summary>
    public void Check(bool fresh, string what)
    {
        Interlocked.Increment(ref _reads);
        if (!fresh)
        {
            _stale.Enqueue(what);
        }
    }

    public void AssertNone() =>
        Assert.True(_stale.IsEmpty, $"{_stale.Count} of {_reads} reads were stale, e.g. {string.Join("; ", _stale.Take(5))}");
}
