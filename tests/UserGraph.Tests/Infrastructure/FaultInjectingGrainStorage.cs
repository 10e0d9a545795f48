using System.Collections.Concurrent;
using Orleans.Storage;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// Wraps the real grain storage and fails writes of chosen users on demand, to test that the
/// graph converges after storage faults. The switches are process-wide so that every silo of an
/// in-process test cluster sees them; tests use fresh user ids, so they do not interfere.
/// </summary>
public sealed class FaultInjectingGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public const string InnerProviderName = "graph-without-faults";

    private static readonly ConcurrentDictionary<long, bool> FailingUsers = new();

    public static void FailWritesOf(long userId) => FailingUsers[userId] = true;

    public static void Heal(long userId) => FailingUsers.TryRemove(userId, out _);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        grainId.TryGetIntegerKey(out var userId, out _) && FailingUsers.ContainsKey(userId)
            ? Task.FromException(new InjectedStorageFaultException(userId))
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
