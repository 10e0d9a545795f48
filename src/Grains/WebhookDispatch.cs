using Microsoft.Extensions.Logging;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// Delivers one endpoint's changes for one partition of users, at least once and in order per
/// user: reads a batch of the change log after the stored cursor, sends each user's messages one
/// after the other (users in parallel), and moves the cursor past the batch only when every
/// message in it was accepted, or dead-lettered after the retry window. A message that fails
/// holds back that user's later messages of the batch, and the cursor; other users go on.
/// </summary>
/// <remarks>
/// Runs on its grain's scheduler, one round at a time, so it needs no locks. Whatever is only in
/// memory (which messages of the batch were accepted, the retry time) may be lost with the silo:
/// the next activation starts from the stored cursor and sends the batch again, duplicates and
/// all, which at-least-once allows.
/// </remarks>
public sealed partial class WebhookDispatch(
    long endpointId,
    int partition,
    IGraphChangeLog changeLog,
    IWebhookStore store,
    IWebhookSender sender,
    WebhookOptions options,
    TimeProvider time,
    ILogger logger)
{
    private WebhookEndpoint? _endpoint;
    private DateTimeOffset _endpointReadAt;
    private WebhookPartitionState? _state;
    // The current batch's messages not yet accepted, by user, in order; null between batches.
    private Dictionary<long, Queue<WebhookMessage>>? _pending;
    private DispatchCursor _batchEnd;
    private int _failedAttempts;
    private DateTimeOffset _retryAt;
    private string _lastError = "";

    /// <summary>Reads the endpoint again at the next round (it was paused, resumed or deleted).</summary>
    public void Refresh() => _endpoint = null;

    /// <summary>Starts again from <paramref name="cursor"/>: what is in flight is dropped and sent again.</summary>
    public async Task ReplayFromAsync(DispatchCursor cursor)
    {
        _pending = null;
        _failedAttempts = 0;
        _retryAt = default;
        _state = new WebhookPartitionState(cursor, null);
        await store.SavePartitionAsync(endpointId, partition, _state);
    }

    public async Task<DispatchRound> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_endpoint is null || now - _endpointReadAt >= options.RefreshPeriod)
        {
            _endpoint = await store.GetAsync(endpointId);
            _endpointReadAt = now;
        }

        if (_endpoint is null)
        {
            return DispatchRound.Deleted;
        }

        if (_endpoint.Paused)
        {
            return DispatchRound.Idle;
        }

        if (now < _retryAt)
        {
            return DispatchRound.Waiting;
        }

        _state ??= await store.GetPartitionAsync(endpointId, partition);
        if (_pending is null && !await ReadBatchAsync(_endpoint, _state.Cursor))
        {
            return DispatchRound.Idle;
        }

        await DeliverAsync(_endpoint, _pending!, cancellationToken);
        if (_pending!.Values.All(queue => queue.Count == 0))
        {
            await AdvanceAsync();
            return DispatchRound.More;
        }

        return await RetryLaterAsync(now);
    }

    private async Task<bool> ReadBatchAsync(WebhookEndpoint endpoint, DispatchCursor cursor)
    {
        var batch = await changeLog.ReadForDispatchAsync(cursor, partition, endpoint.Partitions, options.BatchSize);
        if (batch.Count == 0)
        {
            return false;
        }

        _batchEnd = batch[^1].Cursor;
        // Changes the endpoint did not ask for are passed over with the batch.
        _pending = batch
            .Select(change => WebhookMessage.From(change.Logged))
            .Where(message => WebhookEventFilter.Allows(endpoint.Events, message.EventType))
            .GroupBy(message => message.UserId)
            .ToDictionary(user => user.Key, user => new Queue<WebhookMessage>(user));
        return true;
    }

    private async Task DeliverAsync(WebhookEndpoint endpoint, Dictionary<long, Queue<WebhookMessage>> pending, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(Math.Max(1, options.ParallelUsers));
        await Task.WhenAll(pending.Values.Where(queue => queue.Count > 0).Select(async queue =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                while (queue.TryPeek(out var message))
                {
                    if (await sender.SendAsync(endpoint, message, cancellationToken) is { } error)
                    {
                        _lastError = error;
                        return;
                    }

                    queue.Dequeue();
                }
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private async Task<DispatchRound> RetryLaterAsync(DateTimeOffset now)
    {
        _failedAttempts++;
        if (_state!.FailingSince is not { } failingSince)
        {
            failingSince = now;
            _state = _state with { FailingSince = now };
            await store.SavePartitionAsync(endpointId, partition, _state);
        }

        if (options.Retry.IsExhausted(failingSince, now))
        {
            var given = _pending!.Values.SelectMany(queue => queue).OrderBy(message => message.Position).ToList();
            await store.AddDeadLettersAsync(endpointId, given, _lastError);
            LogDeadLettered(endpointId, partition, given.Count, _lastError);
            foreach (var queue in _pending.Values)
            {
                queue.Clear();
            }

            await AdvanceAsync();
            return DispatchRound.More;
        }

        var delay = options.Retry.DelayAfter(_failedAttempts, Random.Shared.NextDouble());
        _retryAt = now + delay;
        LogRetrying(endpointId, partition, _failedAttempts, delay, _lastError);
        return DispatchRound.Waiting;
    }

    private async Task AdvanceAsync()
    {
        var next = new WebhookPartitionState(_batchEnd, null);
        await store.SavePartitionAsync(endpointId, partition, next);
        _state = next;
        _pending = null;
        _failedAttempts = 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} partition {Partition}: attempt {Attempt} failed ({Error}); retrying in {Delay}")]
    private partial void LogRetrying(long endpointId, int partition, int attempt, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook endpoint {EndpointId} partition {Partition}: {Count} deliveries dead-lettered after the retry window ({Error})")]
    private partial void LogDeadLettered(long endpointId, int partition, int count, string error);
}
