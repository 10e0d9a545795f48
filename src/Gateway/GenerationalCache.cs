using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace UserGraph.Gateway;

/// <summary>
/// A bounded cache with O(1) work per call whatever its size: entries go into the current
/// generation; when it holds half the capacity it becomes the previous one and the one before is
/// dropped whole. A hit in the previous generation moves the entry to the current one, so what is
/// used stays and what is not ages out within two generations.
/// </summary>
/// <remarks>
/// It replaces <c>MemoryCache</c> with a size limit for validated tokens: once full, every insert
/// there scheduled a compaction that sorts all entries, and with a new token on every request (a
/// million users, each calling once) that made the cache's miss path dearer than validating
/// without it.
/// </remarks>
public sealed class GenerationalCache<TValue>(int capacity) where TValue : class
{
    private readonly int _generationSize = Math.Max(1, capacity / 2);
    private readonly Lock _rotation = new();
    private ConcurrentDictionary<string, TValue> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, TValue> _previous = new(StringComparer.Ordinal);
    private int _currentCount;

    /// <summary>Entries held now: at most the capacity (rounded up to even).</summary>
    public int Count => _current.Count + _previous.Count;

    public bool TryGet(string key, [NotNullWhen(true)] out TValue? value)
    {
        if (_current.TryGetValue(key, out value))
        {
            return true;
        }

        if (_previous.TryGetValue(key, out value))
        {
            Set(key, value);
            return true;
        }

        return false;
    }

    public void Set(string key, TValue value)
    {
        if (_current.TryAdd(key, value))
        {
            if (Interlocked.Increment(ref _currentCount) >= _generationSize)
            {
                Rotate();
            }
        }
        else
        {
            _current[key] = value;
        }
    }

    public void Remove(string key)
    {
        if (_current.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref _currentCount);
        }

        _previous.TryRemove(key, out _);
    }

    private void Rotate()
    {
        lock (_rotation)
        {
            // Another caller may have rotated while this one waited.
            if (Volatile.Read(ref _currentCount) < _generationSize)
            {
                return;
            }

            _previous = _current;
            _current = new ConcurrentDictionary<string, TValue>(StringComparer.Ordinal);
            Volatile.Write(ref _currentCount, 0);
        }
    }
}
