namespace UserGraph.Testing;

/// <summary>
/// A grain's persistent state kept in memory, whose writes fail while <see cref="StorageFaults"/>
/// names its user: the snapshot side of the grain's persistence, without Orleans or a database.
/// </summary>
public sealed class InMemoryPersistentState<T>(long userId) : IPersistentState<T>
    where T : new()
{
    private T _stored = new();
    private TaskCompletionSource? _held;

    public int Writes { get; private set; }

    /// <summary>Writes fail while set, whatever <see cref="StorageFaults"/> says.</summary>
    public bool FailWrites { get; set; }

    /// <summary>Reads fail too, as with the database down.</summary>
    public bool FailReads { get; set; }

    public T State { get; set; } = new();

    public string? Etag { get; set; }

    public bool RecordExists { get; private set; }

    /// <summary>What storage holds (not the copy being worked on).</summary>
    public T Stored => _stored;

    public Task ClearStateAsync()
    {
        _stored = new T();
        RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Writes wait until <see cref="Release"/> (a slow snapshot).</summary>
    public void Hold() => _held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release()
    {
        var held = _held;
        _held = null;
        held?.TrySetResult();
    }

    public Task WriteStateAsync()
    {
        if (FailWrites || StorageFaults.WritesFail(userId))
        {
            return Task.FromException(new InjectedStorageFaultException(userId));
        }

        var written = State;
        if (_held is { } held)
        {
            return StoreWhenReleasedAsync(held.Task, written);
        }

        Store(written);
        return Task.CompletedTask;
    }

    private async Task StoreWhenReleasedAsync(Task released, T written)
    {
        await released;
        Store(written);
    }

    private void Store(T written)
    {
        Writes++;
        _stored = written;
        RecordExists = true;
    }

    public Task ReadStateAsync()
    {
        if (FailReads)
        {
            throw new InjectedStorageFaultException(userId);
        }

        State = _stored;
        return Task.CompletedTask;
    }
}
