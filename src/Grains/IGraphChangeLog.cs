using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// Reads the durable change log that <see cref="IGraphJournal.AppendAsync"/> writes: one user's
/// changes for catch-up, and the whole log in a commit-safe order for webhook dispatch.
/// </summary>
public interface IGraphChangeLog
{
    /// <summary>
    /// A position at or after every change stored so far. Changes stored after the answer come
    /// after it, provided the caller has none of its own in flight.
    /// </summary>
    Task<long> CurrentPositionAsync();

    /// <summary>The user's changes after <paramref name="position"/>, oldest first.</summary>
    /// <exception cref="GraphChangesExpiredException">Changes after the position may have expired.</exception>
    Task<GraphChangePage> ReadAsync(long userId, long position, int limit);

    /// <summary>
    /// Changes after <paramref name="after"/> in dispatch order, of the users in one partition
    /// (<c>user_id % partitions == partition</c>), from transactions that can no longer be joined
    /// by an earlier one: a reader that advances its cursor through these never skips a change.
    /// </summary>
    Task<IReadOnlyList<DispatchedChange>> ReadForDispatchAsync(DispatchCursor after, int partition, int partitions, int limit);

    /// <summary>A dispatch cursor at or before every change at or after <paramref name="position"/>, for a replay.</summary>
    Task<DispatchCursor> DispatchCursorAtAsync(long position);

    /// <summary>A dispatch cursor after every change stored so far: where a new webhook endpoint starts.</summary>
    Task<DispatchCursor> DispatchEndAsync();

    /// <summary>Creates the partitions the next days need and drops those past the retention.</summary>
    Task MaintainAsync();
}
