using System.Collections.Immutable;

namespace UserGraph.Grains;

/// <summary>
/// The peers whose mirrors must still learn of a change this user owns, each with the graph
/// version of the latest such change: the stored form of what <see cref="MirrorDelivery"/> has
/// not delivered yet, written into snapshots.
/// </summary>
/// <remarks>
/// An entry names a peer, not a message: the peer is sent the owner's current truth, so repeated
/// or late deliveries converge to the same result. What is delivered, and when a mark may go, is
/// <see cref="MirrorDelivery"/>'s; this is only what it hands to a snapshot, and what replay hands back.
/// </remarks>
public sealed class MirrorOutbox
{
    public static readonly MirrorOutbox Empty = new(ImmutableDictionary<long, long>.Empty);

    private readonly ImmutableDictionary<long, long> _pending;

    private MirrorOutbox(ImmutableDictionary<long, long> pending) => _pending = pending;

    public bool IsEmpty => _pending.IsEmpty;

    public IEnumerable<KeyValuePair<long, long>> Pending => _pending;

    public static MirrorOutbox FromStorage(Dictionary<long, long>? pending) =>
        pending is null || pending.Count == 0 ? Empty : new MirrorOutbox(pending.ToImmutableDictionary());

    public static MirrorOutbox From(IEnumerable<KeyValuePair<long, long>> pending)
    {
        var marks = pending.ToImmutableDictionary();
        return marks.IsEmpty ? Empty : new MirrorOutbox(marks);
    }

    /// <summary>The peer marked at <paramref name="version"/>, the latest change replay found for it.</summary>
    public MirrorOutbox Mark(long peerId, long version) => new(_pending.SetItem(peerId, version));

    public Dictionary<long, long> ToStorage() => new(_pending);
}
