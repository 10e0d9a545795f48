using Orleans.Storage;

namespace UserGraph.Tests.Infrastructure;

/// <summary>Wraps the real grain storage (snapshots) and fails writes (or reads) of the users <see cref="StorageFaults"/> names.</summary>
public sealed class FaultInjectingGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public const string InnerProviderName = "graph-without-faults";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        grainId.TryGetIntegerKey(out var userId, out _) && StorageFaults.ReadsFail(userId)
            ? Task.FromException(new InjectedStorageFaultException(userId))
            : inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        grainId.TryGetIntegerKey(out var userId, out _) && StorageFaults.WritesFail(userId)
            ? Task.FromException(new InjectedStorageFaultException(userId))
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
