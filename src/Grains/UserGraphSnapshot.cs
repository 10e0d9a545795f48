namespace UserGraph.Grains;

/// <summary>
/// A snapshot of a user's graph, one row written whole through the Orleans ADO.NET provider, now
/// and then: the changes since are in the user's journal (<see cref="IGraphJournal"/>) after
/// <see cref="JournalSequence"/>. Stored with the Orleans binary serializer, which tolerates
/// added members: add new ones with new ids, never renumber or reuse.
/// </summary>
[GenerateSerializer]
// The type was called UserGraphState when snapshots were first stored; the alias is what the
// stored bytes name, so it keeps that name.
[Alias("UserGraph.UserGraphState.v1")]
public sealed class UserGraphSnapshot
{
    /// <summary>Ids this user follows, strictly ascending (owned).</summary>
    [Id(0)]
    public long[] Followings { get; set; } = [];

    /// <summary>Ids that follow this user, strictly ascending (kept in sync by their owners).</summary>
    [Id(1)]
    public long[] Followers { get; set; } = [];

    /// <summary>Ids this user hides, strictly ascending (owned).</summary>
    [Id(2)]
    public long[] Hidden { get; set; } = [];

    /// <summary>Ids that hide this user, strictly ascending (kept in sync by their owners).</summary>
    [Id(3)]
    public long[] HiddenBy { get; set; } = [];

    /// <summary>The graph version of this view.</summary>
    [Id(4)]
    public long Version { get; set; }

    /// <summary>Peers still to be told of a change, with the version of the latest one.</summary>
    [Id(5)]
    public Dictionary<long, long>? PendingMirrors { get; set; }

    /// <summary>Connection records by the other user's id (connection mode).</summary>
    [Id(6)]
    public Dictionary<long, ConnectionRecord>? Connections { get; set; }

    /// <summary>
    /// Stands in for the snapshot once it is loaded or written, so an active grain does not keep
    /// a second copy of its view's references. Never written: a write always sets a new state first.
    /// </summary>
    internal static readonly UserGraphSnapshot Released = new();

    /// <summary>
    /// The last journal entry this snapshot includes. Zero for snapshots written before the
    /// journal existed, which then held every change.
    /// </summary>
    [Id(7)]
    public long JournalSequence { get; set; }

    /// <summary>Ids this user blocks, strictly ascending (owned); <c>null</c> for none, and in snapshots older than blocks.</summary>
    [Id(8)]
    public long[]? Blocking { get; set; }

    /// <summary>Ids that block this user, strictly ascending (kept in sync by their owners); <c>null</c> for none.</summary>
    [Id(9)]
    public long[]? BlockedBy { get; set; }

    public static UserGraphSnapshot From(UserGraphState view, MirrorOutbox outbox, long journalSequence) => new()
    {
        JournalSequence = journalSequence,
        Followings = view.Followings.ToStorage(),
        Followers = view.Followers.ToStorage(),
        Hidden = view.Hidden.ToStorage(),
        HiddenBy = view.HiddenBy.ToStorage(),
        Version = view.Version,
        PendingMirrors = outbox.IsEmpty ? null : outbox.ToStorage(),
        Connections = view.Connections.ToStorage(),
        Blocking = view.Blocking.Count == 0 ? null : view.Blocking.ToStorage(),
        BlockedBy = view.BlockedBy.Count == 0 ? null : view.BlockedBy.ToStorage(),
    };

    public UserGraphState ToView(long ownerId) => new(
        ownerId,
        UserIdSet.FromSorted(Followings),
        UserIdSet.FromSorted(Followers),
        UserIdSet.FromSorted(Hidden),
        UserIdSet.FromSorted(HiddenBy),
        ConnectionBook.FromStorage(Connections),
        Version)
    {
        Blocking = UserIdSet.FromSorted(Blocking),
        BlockedBy = UserIdSet.FromSorted(BlockedBy),
    };

    public MirrorOutbox ToOutbox() => MirrorOutbox.FromStorage(PendingMirrors);
}
