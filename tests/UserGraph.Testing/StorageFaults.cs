using System.Collections.Concurrent;

namespace UserGraph.Testing;

/// <summary>
/// Which users' writes fail, for <see cref="FaultInjectingGrainStorage"/> and
/// <see cref="FaultInjectingGraphJournal"/> alike. Process-wide so that every silo of an
/// in-process test cluster sees them; tests use fresh user ids, so they do not interfere.
/// </summary>
public static class StorageFaults
{
    private static readonly ConcurrentDictionary<long, bool> FailingUsers = new();

    public static void FailWritesOf(long userId) => FailingUsers[userId] = true;

    public static void Heal(long userId) => FailingUsers.TryRemove(userId, out _);

    public static bool WritesFail(long userId) => FailingUsers.ContainsKey(userId);
}
