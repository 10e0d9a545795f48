using System.Collections.Concurrent;

namespace UserGraph.Testing;

/// <summary>
/// Which users' writes fail, and whose storage cannot even be read (so their grains cannot be
/// activated: to other users they are unreachable), for <see cref="FaultInjectingGrainStorage"/> and
/// <see cref="FaultInjectingGraphJournal"/> alike. Process-wide so that every silo of an
/// in-process test cluster sees them; tests use fresh user ids, so they do not interfere.
/// </summary>
public static class StorageFaults
{
    private static readonly ConcurrentDictionary<long, bool> FailingUsers = new();
    private static readonly ConcurrentDictionary<long, bool> UnreadableUsers = new();

    public static void FailWritesOf(long userId) => FailingUsers[userId] = true;

    /// <summary>Reads and writes of the user's storage fail: a grain not yet active cannot be activated.</summary>
    public static void FailReadsOf(long userId)
    {
        UnreadableUsers[userId] = true;
        FailingUsers[userId] = true;
    }

    public static void Heal(long userId)
    {
        FailingUsers.TryRemove(userId, out _);
        UnreadableUsers.TryRemove(userId, out _);
    }

    public static bool WritesFail(long userId) => FailingUsers.ContainsKey(userId);

    public static bool ReadsFail(long userId) => UnreadableUsers.ContainsKey(userId);
}
