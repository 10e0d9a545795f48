using Microsoft.Extensions.Logging;

namespace UserGraph.Grains;

/// <summary>
/// Delivers the mirrors of one user's owned facts to the other users' grains: sends each peer the
/// owner's truth once a change to it is stored, lets a write wait (bounded) until its peer shows
/// the mirror to its readers, sends again until the peer stored it (retrying failed sends with a
/// doubling delay), and records in storage which journal entries are fully delivered, so the
/// sweeper only ever finds what a crash left behind.
/// </summary>
/// <remarks>
/// <para>
/// One send at a time per peer, always of the truth at the moment it is sent: changes stored
/// while a send is in flight are carried by the next one, so a burst of changes to one peer costs
/// two sends, and an older truth can never overtake a newer one.
/// </para>
/// <para>
/// Runs on the grain's scheduler, like the grain's own code, so it needs no locks.
/// </para>
/// </remarks>
public sealed partial class MirrorDelivery(IMirrorChannel channel, MirrorOptions options, TimeProvider time, ILogger logger)
{
    private static readonly Task<bool> Delivered = Task.FromResult(true);

    // Allocated on the first mark: most active users only read.
    private Dictionary<long, PendingMirror>? _pending;
    private long _lastMarkedSequence;
    private long _acknowledgedThrough;
    private bool _acknowledging;
    private bool _stopped;
    private CancellationTokenSource? _stopping;

    /// <summary>The peers still to be delivered, as a snapshot stores them.</summary>
    public MirrorOutbox Outbox => _pending is not { Count: > 0 }
        ? MirrorOutbox.Empty
        : MirrorOutbox.From(_pending.Select(p => KeyValuePair.Create(p.Key, p.Value.Version)));

    /// <summary>The journal entry up to which storage was told that every mirror is delivered.</summary>
    public long AcknowledgedThrough => _acknowledgedThrough;

    /// <summary>A change to <paramref name="peerId"/>'s relation, stored at <paramref name="version"/> in entry <paramref name="sequence"/>, is to be mirrored.</summary>
    public void Mark(long peerId, long version, long sequence)
    {
        _lastMarkedSequence = Math.Max(_lastMarkedSequence, sequence);
        if ((_pending ??= []).TryGetValue(peerId, out var mirror))
        {
            mirror.Version = Math.Max(mirror.Version, version);
            if (mirror.FirstSequenceAfterSend == 0)
            {
                mirror.FirstSequenceAfterSend = sequence;
            }

            return;
        }

        Start(peerId, new PendingMirror(version, sequence, options.FirstRetryDelay));
    }

    /// <summary>
    /// Takes over the marks storage still holds (after activation, or after storage was re-read):
    /// every peer in <paramref name="outbox"/> is sent the truth, and once all are delivered the
    /// journal's marks up to <paramref name="sequence"/> are cleared.
    /// </summary>
    /// <param name="journalPending">Storage lists entries whose mirrors are not acknowledged.</param>
    public void Restore(MirrorOutbox outbox, long sequence, bool journalPending)
    {
        if (journalPending)
        {
            _lastMarkedSequence = Math.Max(_lastMarkedSequence, sequence);
        }

        foreach (var (peerId, version) in outbox.Pending)
        {
            if (_pending is not null && _pending.TryGetValue(peerId, out var mirror))
            {
                mirror.Version = Math.Max(mirror.Version, version);
                mirror.FirstSequence = 0;
            }
            else
            {
                // Which entries the mark came from is not known: none is acknowledged before it is delivered.
                Start(peerId, new PendingMirror(version, firstSequence: 0, options.FirstRetryDelay));
            }
        }

        AdvanceAcknowledgement();
    }

    /// <summary>
    /// Completes with <c>true</c> once <paramref name="peerId"/> shows (or stored) the mirror of every change
    /// marked so far (at once when none is pending), or with <c>false</c> after
    /// <see cref="MirrorOptions.WaitBound"/>; the delivery goes on either way.
    /// </summary>
    public Task<bool> WaitAsync(long peerId) =>
        _pending is not null && _pending.TryGetValue(peerId, out var mirror)
            ? mirror.WaitFor(mirror.Version, options.WaitBound, time)
            : Delivered;

    /// <summary>Stops delivering to <paramref name="peerId"/> (erasure: there is nothing left to mirror).</summary>
    public void Forget(long peerId)
    {
        if (_pending is not null && _pending.Remove(peerId, out var mirror))
        {
            mirror.Release(long.MaxValue, delivered: true);
            AdvanceAcknowledgement();
        }
    }

    /// <summary>Stops delivering to every peer (erasure of the user's own graph).</summary>
    public void Clear()
    {
        foreach (var peerId in _pending?.Keys.ToArray() ?? [])
        {
            Forget(peerId);
        }
    }

    /// <summary>
    /// Acknowledges again everything delivered (the sweeper found marks in storage): an
    /// acknowledgement this delivery made may have been lost, since they commit without waiting
    /// for the disk.
    /// </summary>
    public void Resume()
    {
        _acknowledgedThrough = 0;
        AdvanceAcknowledgement();
    }

    /// <summary>
    /// Ends delivery (deactivation): waiting writes are answered as pending, and what is delivered
    /// is acknowledged once more. Marks left pending stay in storage for the sweeper.
    /// </summary>
    public async Task StopAsync()
    {
        _stopped = true;
        _stopping?.Cancel();
        foreach (var mirror in _pending?.Values.ToArray() ?? [])
        {
            mirror.Release(long.MaxValue, delivered: false);
        }

        var through = AcknowledgeableThrough();
        if (through > _acknowledgedThrough && !_acknowledging)
        {
            try
            {
                await channel.AcknowledgeAsync(through);
                _acknowledgedThrough = through;
            }
            catch (Exception exception)
            {
                LogAcknowledgementFailed(logger, exception);
            }
        }
    }

    private void Start(long peerId, PendingMirror mirror)
    {
        (_pending ??= [])[peerId] = mirror;
        _ = DeliverAsync(peerId, mirror);
    }

    private async Task DeliverAsync(long peerId, PendingMirror mirror)
    {
        while (!_stopped && IsCurrent(peerId, mirror))
        {
            var sending = mirror.Version;
            mirror.FirstSequenceAfterSend = 0;
            // Shown to the peer's readers, the waiting writes can answer; storing it there is what
            // the acknowledgement waits for, and what is tried even when showing failed (a peer
            // on a silo of an earlier release knows only how to store).
            var shown = await TryShowAsync(peerId);
            if (_stopped || !IsCurrent(peerId, mirror))
            {
                return;
            }

            if (shown)
            {
                mirror.Release(sending, delivered: true);
            }

            try
            {
                await channel.SendAsync(peerId);
            }
            catch (Exception exception)
            {
                LogSendFailed(logger, exception, peerId, mirror.RetryDelay.TotalMilliseconds);
                await RetryDelayAsync(mirror);
                continue;
            }

            mirror.RetryDelay = options.FirstRetryDelay;
            mirror.Release(sending, delivered: true);
            if (!IsCurrent(peerId, mirror))
            {
                return;
            }

            if (mirror.Version <= sending)
            {
                _pending!.Remove(peerId);
                AdvanceAcknowledgement();
                return;
            }

            // Changes stored during the send: the entries from the first of them on are still undelivered.
            mirror.FirstSequence = mirror.FirstSequenceAfterSend;
        }
    }

    private async Task<bool> TryShowAsync(long peerId)
    {
        try
        {
            return await channel.ShowAsync(peerId);
        }
        catch (Exception exception)
        {
            LogShowFailed(logger, exception, peerId);
            return false;
        }
    }

    private async Task RetryDelayAsync(PendingMirror mirror)
    {
        var delay = mirror.RetryDelay;
        mirror.RetryDelay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
        try
        {
            await Task.Delay(delay, time, (_stopping ??= new CancellationTokenSource()).Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped: the loop ends.
        }
    }

    private bool IsCurrent(long peerId, PendingMirror mirror) =>
        _pending is not null && _pending.TryGetValue(peerId, out var current) && ReferenceEquals(current, mirror);

    /// <summary>Every entry before the earliest undelivered one; every marked entry when nothing is pending.</summary>
    private long AcknowledgeableThrough() =>
        _pending is { Count: > 0 } ? _pending.Values.Min(m => m.FirstSequence) - 1 : _lastMarkedSequence;

    private void AdvanceAcknowledgement()
    {
        if (!_acknowledging && !_stopped && AcknowledgeableThrough() > _acknowledgedThrough)
        {
            _ = AcknowledgeAsync();
        }
    }

    /// <summary>One acknowledgement in flight at a time; the next covers everything delivered meanwhile.</summary>
    private async Task AcknowledgeAsync()
    {
        _acknowledging = true;
        try
        {
            long through;
            while (!_stopped && (through = AcknowledgeableThrough()) > _acknowledgedThrough)
            {
                await channel.AcknowledgeAsync(through);
                _acknowledgedThrough = Math.Max(_acknowledgedThrough, through);
            }
        }
        catch (Exception exception)
        {
            // Harmless: the next delivery, the deactivation or the sweeper acknowledges again.
            LogAcknowledgementFailed(logger, exception);
        }
        finally
        {
            _acknowledging = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mirror to user {PeerId} failed; sending again in {DelayMs} ms")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, long peerId, double delayMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Showing the mirror to user {PeerId} failed; storing it there is tried next")]
    private static partial void LogShowFailed(ILogger logger, Exception exception, long peerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording delivered mirrors failed; left for later")]
    private static partial void LogAcknowledgementFailed(ILogger logger, Exception exception);

    private sealed class PendingMirror(long version, long firstSequence, TimeSpan retryDelay)
    {
        private List<(long Version, TaskCompletionSource<bool> Done, ITimer Bound)>? _waiters;
        // The newest version the peer's readers are known to see, shown or stored.
        private long _seenVersion;

        /// <summary>The graph version of the latest change marked for the peer.</summary>
        public long Version { get; set; } = version;

        /// <summary>The earliest journal entry whose mirror to the peer is not delivered.</summary>
        public long FirstSequence { get; set; } = firstSequence;

        /// <summary>The earliest entry marked after the send in flight read the truth; 0 for none.</summary>
        public long FirstSequenceAfterSend { get; set; }

        public TimeSpan RetryDelay { get; set; } = retryDelay;

        /// <summary>
        /// A waiter answered by <see cref="Release"/>, or with <c>false</c> by a timer after
        /// <paramref name="bound"/>. The timer completes the waiter itself (a thread-safe one-shot),
        /// so the waiting write resumes on the grain's scheduler like any await.
        /// </summary>
        public Task<bool> WaitFor(long version, TimeSpan bound, TimeProvider time)
        {
            // Shown before the write came to wait (a peer on the same silo can be that quick):
            // the next release would only come once it is stored.
            if (version <= _seenVersion)
            {
                return Delivered;
            }

            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var timer = time.CreateTimer(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(false), done, bound, Timeout.InfiniteTimeSpan);
            (_waiters ??= []).Add((version, done, timer));
            return done.Task;
        }

        /// <summary>Answers the waiters for versions up to <paramref name="version"/>.</summary>
        public void Release(long version, bool delivered)
        {
            if (delivered)
            {
                _seenVersion = Math.Max(_seenVersion, version);
            }

            _waiters?.RemoveAll(waiter =>
            {
                if (waiter.Version > version)
                {
                    return false;
                }

                waiter.Done.TrySetResult(delivered);
                waiter.Bound.Dispose();
                return true;
            });
        }
    }
}
