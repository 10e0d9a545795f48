namespace UserGraph.Grains;

/// <summary>
/// One change queued on <see cref="GraphPersistence"/>: a function of the view, applied in queue
/// order to the latest view when the write's turn comes, so a decision (a toggle, a connection
/// transition) is always made on every write before it.
/// </summary>
/// <param name="Peers">The users whose relation to this one the change may touch.</param>
/// <param name="Apply">Returns the next view, this one when nothing changes; may throw to refuse the write.</param>
public sealed class GraphWrite(GraphWriteKind kind, IReadOnlyList<long> peers, Func<UserGraphState, UserGraphState> apply)
{
    private readonly TaskCompletionSource<StoredWrite> _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GraphWriteKind Kind => kind;

    public IReadOnlyList<long> Peers => peers;

    public Func<UserGraphState, UserGraphState> Apply => apply;

    public Task<StoredWrite> Stored => _stored.Task;

    /// <summary>The user's own erasure, which names no peer (forgetting an erased peer names that peer).</summary>
    public bool IsOwnErasure => kind == GraphWriteKind.Erasure && peers.Count == 0;

    public static GraphWrite Owned(long peerId, Func<UserGraphState, UserGraphState> apply) => new(GraphWriteKind.Owned, [peerId], apply);

    public static GraphWrite Mirror(long ownerId, Func<UserGraphState, UserGraphState> apply) => new(GraphWriteKind.Mirror, [ownerId], apply);

    /// <summary>Changes nothing: queued, it completes once every write before it has, storing nothing itself.</summary>
    public static GraphWrite Nothing() => new(GraphWriteKind.Mirror, [], view => view);

    internal void Complete(StoredWrite stored) => _stored.TrySetResult(stored);

    internal void Fail(Exception exception) => _stored.TrySetException(exception);
}
