namespace UserGraph.Testing;

/// <summary>
/// A single-threaded scheduler that runs queued work only when the test pumps it: the unit tests
/// of the grain's plain parts run them the way an activation does (one piece of work at a time,
/// interleaving at awaits), in an order the test controls and can repeat.
/// </summary>
public sealed class DeterministicScheduler : TaskScheduler
{
    private readonly Queue<Task> _queue = new();

    /// <summary>Starts <paramref name="work"/> on this scheduler and runs everything it queues until nothing is left.</summary>
    public Task Run(Func<Task> work)
    {
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.None, this).Unwrap();
        Pump();
        return task;
    }

    /// <inheritdoc cref="Run(Func{Task})"/>
    public Task<T> Run<T>(Func<Task<T>> work)
    {
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.None, this).Unwrap();
        Pump();
        return task;
    }

    /// <summary>Runs <paramref name="action"/> on this scheduler, then everything it queued.</summary>
    public void Run(Action action) => Run(() =>
    {
        action();
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    /// <summary>Runs queued work until the queue is empty (work queued meanwhile included).</summary>
    public void Pump()
    {
        // Like an activation's: no synchronization context (xunit installs one on test threads,
        // and awaits would resume there instead of here).
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            while (_queue.TryDequeue(out var task))
            {
                TryExecuteTask(task);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    protected override void QueueTask(Task task) => _queue.Enqueue(task);

    // Never inline: work runs only when pumped, so the order is the queue's.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => [.. _queue];
}
