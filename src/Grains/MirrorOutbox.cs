using System.Collections.Immutable;

namespace UserGraph.Grains;

/// <summary>
/// The peers whose mirrors must still learn of a change this user owns, each with the graph
/// version of the latest such change: the stored form of what <see cref="MirrorDelivery"/> has
/// not delivered yet, written into snapshots.
/// </summary>
/// <remarks>
/// An entry names a peer, not a message: the peer is sent the owner's current truth, so repeated
/// or late deliveries converge to the same result. An acknowledgement removes the entry only if
/// no newer change was marked while the delivery was in flight.
/// </remarks>
public sealed class MirrorOutbox
{
    public static readonly MirrorOutbox Empty = new(ImmutableDictionary<long, long>.Empty);

    private readonly ImmutableDictionary<long, long> _pending;

    private MirrorOutbox(ImmutableDictionary<long, long> pending) => _pending = pending;

    public bool IsEmpty => _pending.IsEmpty;

    public int Count => _pending.Count;

    public IEnumerable<KeyValuePair<long, long>> Pending => _pending;

    public static MirrorOutbox FromStorage(Dictionary<long, long>? pending) =>
        pending is null || pending.Count == 0 ? Empty : new MirrorOutbox(pending.ToImmutableDictionary());

    public static MirrorOutbox From(IEnumerable<KeyValuePair<long, long>> pending)
    {
        var marks = pending.ToImmutableDictionary();
        return marks.IsEmpty ? Empty : new MirrorOutbox(marks);
    }

    public MirrorOutbox Mark(long peerId, long version) => new(_pending.SetItem(peerId, version));

    /// <summary>This outbox without the peer, unless it was marked again after <paramref name="deliveredVersion"/>.</summary>
    public MirrorOutbox Acknowledge(long peerId, long deliveredVersion) =>
        _pending.TryGetValue(peerId, out var marked) && marked <= deliveredVersion
            ? new MirrorOutbox(_pending.Remove(peerId))
            : this;

    public Dictionary<long, long> ToStorage() => new(_pending);
}
