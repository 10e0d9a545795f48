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
    private static readonly ConcurrentDictionary<long, TaskCompletionSource> HeldUsers = new();
    private static readonly ConcurrentDictionary<long, TaskCompletionSource> SlowUsers = new();

    public static void FailWritesOf(long userId) => FailingUsers[userId] = true;

    /// <summary>Reads and writes of the user's storage fail: a grain not yet active cannot be activated.</summary>
    public static void FailReadsOf(long userId)
    {
        UnreadableUsers[userId] = true;
        FailingUsers[userId] = true;
    }

    /// <summary>The user's journal appends wait until <see cref="Heal"/>, and then fail: the process died before they were stored.</summary>
    public static void HoldWritesOf(long userId) =>
        HeldUsers.TryAdd(userId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>The user's journal appends wait until <see cref="Heal"/>, and then are stored: a slow database.</summary>
    public static void SlowWritesOf(long userId) =>
        SlowUsers.TryAdd(userId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public static void Heal(long userId)
    {
        FailingUsers.TryRemove(userId, out _);
        UnreadableUsers.TryRemove(userId, out _);
        if (HeldUsers.TryRemove(userId, out var held))
        {
            held.SetResult();
        }

        if (SlowUsers.TryRemove(userId, out var slow))
        {
            slow.SetResult();
        }
    }

    /// <summary>Completes when the user's held writes are let go; null when they are not held.</summary>
    public static Task? WritesHeld(long userId) => HeldUsers.TryGetValue(userId, out var held) ? held.Task : null;

    /// <summary>Completes when the user's slowed writes may go on; null when they are not slowed.</summary>
    public static Task? WritesSlowed(long userId) => SlowUsers.TryGetValue(userId, out var slow) ? slow.Task : null;

    public static bool WritesFail(long userId) => FailingUsers.ContainsKey(userId);

    public static bool ReadsFail(long userId) => UnreadableUsers.ContainsKey(userId);
}
