using System.Collections.Immutable;

namespace UserGraph.Grains;

/// <summary>
/// The peers whose reverse views must learn of a change this user made, each with the graph
/// version of the latest such change. Stored with the edges in the same write, so a change is
/// never durable without its pending delivery.
/// </summary>
/// <remarks>
/// An entry names a peer, not a message: the peer pulls the current truth when told, so repeated,
/// late or reordered deliveries all converge to the same result. An acknowledgement removes the
/// entry only if no newer change was marked while the delivery was in flight.
/// </remarks>
public sealed class PeerSyncOutbox
{
    public static readonly PeerSyncOutbox Empty = new(ImmutableDictionary<long, long>.Empty);

    private readonly ImmutableDictionary<long, long> _pending;

    private PeerSyncOutbox(ImmutableDictionary<long, long> pending) => _pending = pending;

    public bool IsEmpty => _pending.IsEmpty;

    public int Count => _pending.Count;

    public IEnumerable<KeyValuePair<long, long>> Pending => _pending;

    public static PeerSyncOutbox FromStorage(Dictionary<long, long>? pending) =>
        pending is null || pending.Count == 0 ? Empty : new PeerSyncOutbox(pending.ToImmutableDictionary());

    public PeerSyncOutbox Mark(long peerId, long version) => new(_pending.SetItem(peerId, version));

    /// <summary>This outbox without the peer, unless it was marked again after <paramref name="deliveredVersion"/>.</summary>
    public PeerSyncOutbox Acknowledge(long peerId, long deliveredVersion) =>
        _pending.TryGetValue(peerId, out var marked) && marked <= deliveredVersion
            ? new PeerSyncOutbox(_pending.Remove(peerId))
            : this;

    public PeerSyncOutbox Without(long peerId) => _pending.ContainsKey(peerId) ? new PeerSyncOutbox(_pending.Remove(peerId)) : this;

    public Dictionary<long, long> ToStorage() => new(_pending);
}
