using UserGraph.Grains;

namespace UserGraph.Testing;

/// <summary>
/// The other side of <see cref="MirrorDelivery"/> for unit tests: every send stays in flight until
/// the test completes or fails it, and records the owner's graph version it carried and when it
/// started.
/// </summary>
public sealed class ScriptedMirrorChannel(Func<long> currentVersion, TimeProvider time) : IMirrorChannel
{
    public List<Send> Sends { get; } = [];

    public List<long> Acknowledgements { get; } = [];

    /// <summary>Acknowledgements fail while set.</summary>
    public bool FailAcknowledgements { get; set; }

    public IEnumerable<Send> InFlight => Sends.Where(s => !s.Done.Task.IsCompleted);

    public Task SendAsync(long peerId)
    {
        var send = new Send(peerId, currentVersion(), time.GetUtcNow());
        Sends.Add(send);
        return send.Done.Task;
    }

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
    public void Succeed(long peerId) => InFlight.Single(s => s.PeerId == peerId).Done.SetResult();

    /// <summary>Fails the send in flight to <paramref name="peerId"/> (the peer's grain or storage failed).</summary>
    public void Fail(long peerId) => InFlight.Single(s => s.PeerId == peerId).Done.SetException(new InjectedStorageFaultException(peerId));

    public sealed record Send(long PeerId, long Version, DateTimeOffset Started)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
