using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace UserGraph.Gateway;

/// <summary>
/// Remembers, approximately, which keys were seen recently: a fixed table of 64-bit hashes, one
/// slot per hash bucket, newer keys overwriting older. No object per key, so a stream of keys that
/// never come back (a million users, each calling once) leaves nothing for the garbage collector.
/// </summary>
/// <remarks>
/// Answers "seen before" only for a key whose full 64-bit hash is in its slot, so a wrong yes needs
/// a hash collision; a wrong no (the slot was taken over) only delays whatever waits on a second sighting.
/// </remarks>
internal sealed class SeenOnceFilter(int slots)
{
    private readonly long[] _hashes = new long[Math.Max(1, slots)];

    /// <summary>Whether <paramref name="key"/> was seen since its slot was last taken; records it either way.</summary>
    public bool SeenBefore(string key)
    {
        var hash = (long)XxHash64.HashToUInt64(MemoryMarshal.AsBytes(key.AsSpan())) | 1; // 0 marks an empty slot
        var slot = (int)((ulong)hash % (ulong)_hashes.Length);
        if (Volatile.Read(ref _hashes[slot]) == hash)
        {
            return true;
        }

        Volatile.Write(ref _hashes[slot], hash);
        return false;
    }
}
