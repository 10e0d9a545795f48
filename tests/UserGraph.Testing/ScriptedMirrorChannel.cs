using UserGraph.Grains;

namespace UserGraph.Testing;

/// <summary>
/// The other side of <see cref="MirrorDelivery"/> for unit tests: every send stays in flight until
/// the test completes or fails it, and records the owner's graph version it carried and when it
/// started. A send is one step unless <see cref="ShowsBeforeStoring"/> is set: the peer shows the
/// mirror and stores it at once when the test completes the send. With it set, the test shows
/// it first (<see cref="Show"/>) and the send then stays in flight until stored.
/// </summary>
public sealed class ScriptedMirrorChannel(Func<long> currentVersion, TimeProvider time) : IMirrorChannel
{
    public List<Send> Sends { get; } = [];

    public List<long> Acknowledgements { get; } = [];

    /// <summary>Sends are shown (<see cref="Show"/>) before they are stored (<see cref="Succeed"/>).</summary>
    public bool ShowsBeforeStoring { get; set; }

    /// <summary>Acknowledgements fail while set.</summary>
    public bool FailAcknowledgements { get; set; }

    public IEnumerable<Send> InFlight => Sends.Where(s => !s.Done.Task.IsCompleted);

    public async Task<bool> ShowAsync(long peerId)
    {
        var send = new Send(peerId, currentVersion(), time.GetUtcNow());
        Sends.Add(send);
        if (!ShowsBeforeStoring)
        {
            await send.Done.Task;
            return true;
        }

        return await send.Shown.Task;
    }

    /// <summary>The store that follows a show: the same send, already done unless shows come first.</summary>
    public Task SendAsync(long peerId) => Sends.Last(s => s.PeerId == peerId).Done.Task;

    public Task AcknowledgeAsync(long sequence)
    {
        if (FailAcknowledgements)
        {
            return Task.FromException(new InvalidOperationException("acknowledgement refused"));
        }

        Acknowledgements.Add(sequence);
        return Task.CompletedTask;
    }

    /// <summary>Completes the send in flight to <paramref name="peerId"/> (the peer stored the mirror).</summary>
    public void Succeed(long peerId)
    {
        var send = InFlight.Single(s => s.PeerId == peerId);
        // A peer that stored a mirror shows it too.
        send.Shown.TrySetResult(true);
        send.Done.SetResult();
    }

    /// <summary>The peer shows the send in flight to <paramref name="peerId"/> (<paramref name="shown"/>: or refuses to show it before storing it).</summary>
    public void Show(long peerId, bool shown = true) => InFlight.Single(s => s.PeerId == peerId && !s.Shown.Task.IsCompleted).Shown.SetResult(shown);

    /// <summary>Fails the send in flight to <paramref name="peerId"/> (the peer's grain or storage failed).</summary>
    public void Fail(long peerId)
    {
        var send = InFlight.Single(s => s.PeerId == peerId);
        send.Shown.TrySetException(new InjectedStorageFaultException(peerId));
        send.Done.SetException(new InjectedStorageFaultException(peerId));
    }

    public sealed record Send(long PeerId, long Version, DateTimeOffset Started)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> Shown { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
