using System.Buffers;
using System.Numerics;

namespace UserGraph.Gateway;

/// <summary>Distinct user ids in first-seen order, refusing more than a maximum.</summary>
/// <remarks>
/// Every statuses request goes through here. A <see cref="HashSet{T}"/> and a growing list
/// were a quarter of the bytes the statuses endpoint allocated per request; this keeps its
/// open-addressed table and its order in pooled arrays, sized once from an upper bound of
/// the count (a body of n bytes holds at most n/2 + 1 ids), so the only allocation is the answer.
/// Ids are positive (<see cref="UserIds.IsValid"/>), so 0 marks a free slot.
/// </remarks>
internal sealed class DistinctIdCollector : IDisposable
{
    private readonly int _maxIds;
    private readonly long[] _table;
    private readonly int _mask;
    private readonly long[] _ordered;
    private int _count;

    /// <param name="maxIds">Distinct ids allowed.</param>
    /// <param name="inputLength">Bytes or characters of the input the ids are read from.</param>
    public DistinctIdCollector(int maxIds, int inputLength)
    {
        _maxIds = maxIds;
        var capacity = (int)Math.Min(maxIds, inputLength / 2L + 1);
        // At most half full: short probe runs.
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity * 2, 16));
        _table = ArrayPool<long>.Shared.Rent(slots);
        Array.Clear(_table, 0, slots);
        _mask = slots - 1;
        _ordered = ArrayPool<long>.Shared.Rent(Math.Max(capacity, 1));
    }

    /// <summary>Adds <paramref name="id"/> unless already there; false when it would exceed the maximum.</summary>
    public bool Add(long id)
    {
        // Fibonacci hashing: sequential ids spread over the whole table.
        var slot = (int)((ulong)id * 0x9E3779B97F4A7C15UL >> 32) & _mask;
        while (true)
        {
            var occupant = _table[slot];
            if (occupant == id)
            {
                return true;
            }

            if (occupant == 0)
            {
                break;
            }

            slot = (slot + 1) & _mask;
        }

        if (_count == _maxIds || _count == _ordered.Length)
        {
            return false;
        }

        _table[slot] = id;
        _ordered[_count++] = id;
        return true;
    }

    public long[] ToArray() => _ordered.AsSpan(0, _count).ToArray();

    public void Dispose()
    {
        ArrayPool<long>.Shared.Return(_table);
        ArrayPool<long>.Shared.Return(_ordered);
    }
}
