using System.Buffers;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// Everything one user's grain knows, as an immutable value: the edges the user owns
/// (followings, hidden, blocking), the mirrors of what other users own toward it (followers,
/// hidden-by, blocked-by), its connection records, and a version raised by every change.
/// </summary>
/// <remarks>
/// <para>
/// Every change returns a new view (or this one when nothing changed), so the grain can build
/// the next view, store it, and only then make it visible.
/// </para>
/// <para>
/// A block either way severs the pair in this view: no follow either way and no connection
/// record, whichever change brought the block or arrived after it. A follow or a connection
/// request across a block is refused (<see cref="GraphBlockedException"/>).
/// </para>
/// </remarks>
public sealed record UserGraphState(
    long OwnerId,
    UserIdSet Followings,
    UserIdSet Followers,
    UserIdSet Hidden,
    UserIdSet HiddenBy,
    ConnectionBook Connections,
    long Version)
{
    // Lookup answers for up to this many ids live on the stack; more (a co-hosted caller's
    // large batch) borrow a pooled array.
    private const int StackIds = 256;

    public static UserGraphState Empty(long ownerId) =>
        new(ownerId, UserIdSet.Empty, UserIdSet.Empty, UserIdSet.Empty, UserIdSet.Empty, ConnectionBook.Empty, 0);

    /// <summary>Ids this user blocks (owned).</summary>
    public UserIdSet Blocking { get; init; } = UserIdSet.Empty;

    /// <summary>Ids that block this user (mirrored from their owners).</summary>
    public UserIdSet BlockedBy { get; init; } = UserIdSet.Empty;

    /// <summary>Whether either of this user and <paramref name="userId"/> blocks the other.</summary>
    public bool IsBlockedEitherWay(long userId) => Blocking.Contains(userId) || BlockedBy.Contains(userId);

    /// <exception cref="GraphBlockedException">Following across a block.</exception>
    public UserGraphState WithFollowing(long userId, bool present)
    {
        if (present)
        {
            EnsureNotBlocked(userId, "follow");
        }

        return Changed(this with { Followings = Followings.With(userId, present) });
    }

    /// <summary>Blocks or unblocks <paramref name="userId"/>; a block severs the pair, an unblock restores nothing.</summary>
    public UserGraphState WithBlocking(long userId, bool present) =>
        Changed(Severed(this with { Blocking = Blocking.With(userId, present) }, userId));

    public UserGraphState WithHidden(long userId, bool present) =>
        Changed(this with { Hidden = Hidden.With(userId, present) });

    /// <exception cref="GraphBlockedException">A connection record (a request) across a block.</exception>
    public UserGraphState WithConnection(long userId, ConnectionRecord? record)
    {
        if (record is not null)
        {
            EnsureNotBlocked(userId, "connect with");
        }

        return Changed(this with { Connections = Connections.With(userId, record) });
    }

    /// <summary>The view with no mention of <paramref name="userId"/> left (erasure).</summary>
    public UserGraphState Forget(long userId) =>
        Changed(this with
        {
            Followings = Followings.Without(userId),
            Followers = Followers.Without(userId),
            Hidden = Hidden.Without(userId),
            HiddenBy = HiddenBy.Without(userId),
            Blocking = Blocking.Without(userId),
            BlockedBy = BlockedBy.Without(userId),
            Connections = Connections.With(userId, null),
        });

    /// <summary>Everyone this view mentions.</summary>
    public IEnumerable<long> MentionedUsers =>
        Followings.Ids.ToArray().Concat(Followers.Ids.ToArray()).Concat(Hidden.Ids.ToArray())
            .Concat(HiddenBy.Ids.ToArray()).Concat(Blocking.Ids.ToArray()).Concat(BlockedBy.Ids.ToArray())
            .Concat(Connections.OtherIds).Distinct();

    /// <summary>Everyone whose facts this view mirrors: followers, hiders, blockers, and the owners of its connections.</summary>
    public IEnumerable<long> MirroredOwners =>
        Followers.Ids.ToArray().Concat(HiddenBy.Ids.ToArray()).Concat(BlockedBy.Ids.ToArray())
            .Concat(Connections.OtherIds.Where(id => FactOwnership.OwnsConnection(id, OwnerId)));

    /// <summary>
    /// The mirrors of <paramref name="ownerId"/>'s facts set to what its own grain holds. A block
    /// either way severs the pair, which may drop this user's own follow or connection record:
    /// owned facts that then have to be mirrored back (see <see cref="StoredWrite.PeersToMirror"/>).
    /// </summary>
    public UserGraphState WithEdgesFrom(long ownerId, PeerEdges edges)
    {
        var blockedBy = BlockedBy.With(ownerId, edges.Owned.HasFlag(EdgeKinds.Blocks));
        var severed = Blocking.Contains(ownerId) || blockedBy.Contains(ownerId);
        var next = this with
        {
            Followers = Followers.With(ownerId, edges.Owned.HasFlag(EdgeKinds.Follows) && !severed),
            HiddenBy = HiddenBy.With(ownerId, edges.Owned.HasFlag(EdgeKinds.Hides)),
            BlockedBy = blockedBy,
        };
        if (FactOwnership.OwnsConnection(ownerId, OwnerId))
        {
            next = next with { Connections = Connections.With(ownerId, severed ? null : edges.Connection) };
        }

        return Changed(Severed(next, ownerId));
    }

    /// <summary>
    /// Whether <paramref name="other"/> answers every read as this view does, whatever the versions.
    /// Reads every set, so it is for rare moments (a reload), not for each write.
    /// </summary>
    public bool HasSameContentAs(UserGraphState other) =>
        ReferenceEquals(this, other)
        || (OwnerId == other.OwnerId
            && Followings.SetEquals(other.Followings)
            && Followers.SetEquals(other.Followers)
            && Hidden.SetEquals(other.Hidden)
            && HiddenBy.SetEquals(other.HiddenBy)
            && Blocking.SetEquals(other.Blocking)
            && BlockedBy.SetEquals(other.BlockedBy)
            && Connections.RecordsEqual(other.Connections));

    /// <summary>Every edge and record in this view, the measure of how large a snapshot of it is.</summary>
    public int EdgeCount =>
        Followings.Count + Followers.Count + Hidden.Count + HiddenBy.Count + Blocking.Count + BlockedBy.Count + Connections.Count;

    /// <summary>Everything this view says about <paramref name="peerId"/>, as a journal entry stores it.</summary>
    public PeerFacts FactsAbout(long peerId) => new(
        peerId,
        Kinds(Followings, Hidden, Blocking, peerId),
        Kinds(Followers, HiddenBy, BlockedBy, peerId),
        Connections.Get(peerId));

    /// <summary>The view with the relation to one peer set as a journal entry recorded it (replay).</summary>
    public UserGraphState WithFacts(PeerFacts facts, long version) => this with
    {
        Followings = Followings.With(facts.PeerId, facts.Owned.HasFlag(EdgeKinds.Follows)),
        Hidden = Hidden.With(facts.PeerId, facts.Owned.HasFlag(EdgeKinds.Hides)),
        Blocking = Blocking.With(facts.PeerId, facts.Owned.HasFlag(EdgeKinds.Blocks)),
        Followers = Followers.With(facts.PeerId, facts.Mirrored.HasFlag(EdgeKinds.Follows)),
        HiddenBy = HiddenBy.With(facts.PeerId, facts.Mirrored.HasFlag(EdgeKinds.Hides)),
        BlockedBy = BlockedBy.With(facts.PeerId, facts.Mirrored.HasFlag(EdgeKinds.Blocks)),
        Connections = Connections.With(facts.PeerId, facts.Connection),
        Version = version,
    };

    /// <summary>
    /// The facts this user owns toward <paramref name="userId"/>, as that user's mirror holds them.
    /// A requester's copy of a connection request never says whether it was rejected: the sender
    /// is not told, so a rejection does not even change the sender's view (or its version).
    /// </summary>
    public PeerEdges EdgesToward(long userId)
    {
        var connection = FactOwnership.OwnsConnection(OwnerId, userId) ? Connections.Get(userId) : null;
        return new(
            Kinds(Followings, Hidden, Blocking, userId),
            connection is { Rejected: not null } && connection.RequesterId == userId ? connection with { Rejected = null } : connection);
    }

    public ConnectionStatus StatusToward(long userId)
    {
        var connection = Connections.Get(userId);
        return connection is not null ? ConnectionStateMachine.StatusFor(connection, OwnerId) : FollowStatus(Followings.Contains(userId));
    }

    public Relationship RelationshipWith(long userId) => new(
        userId,
        Followings.Contains(userId),
        Followers.Contains(userId),
        ConnectionStateMachine.StatusFor(Connections.Get(userId), OwnerId),
        Hidden.Contains(userId),
        HiddenBy.Contains(userId))
    {
        Blocks = Blocking.Contains(userId),
        BlockedBy = BlockedBy.Contains(userId),
    };

    /// <summary>What this user holds toward <paramref name="userId"/>, as a room's row gives it.</summary>
    public PairRelation RoomRelationTo(long userId) =>
        (Followings.Contains(userId) ? PairRelation.Follows : PairRelation.None)
        | (Connections.Get(userId) is { } connection && ConnectionStateMachine.StatusFor(connection, OwnerId) == ConnectionStatus.Connected
            ? PairRelation.Connected
            : PairRelation.None)
        | (Blocking.Contains(userId) ? PairRelation.Blocks : PairRelation.None)
        | (Hidden.Contains(userId) ? PairRelation.Hides : PairRelation.None);

    /// <summary><see cref="StatusToward"/> for each id, with the follow lookups made as one batch.</summary>
    public StatusesSnapshot Statuses(long[] userIds)
    {
        bool[]? rented = null;
        var followed = userIds.Length <= StackIds
            ? stackalloc bool[StackIds]
            : rented = ArrayPool<bool>.Shared.Rent(userIds.Length);
        Followings.ContainsEach(userIds, followed);

        var statuses = new ConnectionStatus[userIds.Length];
        var anyConnections = Connections.Count > 0;
        for (var i = 0; i < userIds.Length; i++)
        {
            var connection = anyConnections ? Connections.Get(userIds[i]) : null;
            statuses[i] = connection is not null ? ConnectionStateMachine.StatusFor(connection, OwnerId) : FollowStatus(followed[i]);
        }

        if (rented is not null)
        {
            ArrayPool<bool>.Shared.Return(rented);
        }

        return new StatusesSnapshot(Version, statuses);
    }

    private static ConnectionStatus FollowStatus(bool followed) => followed ? ConnectionStatus.Followed : ConnectionStatus.None;

    public GraphCounters Counters
    {
        get
        {
            var (connections, sent, received) = Connections.Counts(OwnerId);
            return new GraphCounters(Followers.Count, Followings.Count, connections, sent, received);
        }
    }

    public UserIdPage FollowersPage(MutualFilter filter, int offset, int limit) =>
        EdgeListing.Page(Followers, Followings, filter, offset, limit);

    public UserIdPage FollowingsPage(MutualFilter filter, int offset, int limit) =>
        EdgeListing.Page(Followings, Followers, filter, offset, limit);

    public UserIdPage HiddenPage(int offset, int limit) =>
        EdgeListing.Page(Hidden, UserIdSet.Empty, MutualFilter.Any, offset, limit);

    public UserIdPage BlockingPage(int offset, int limit) =>
        EdgeListing.Page(Blocking, UserIdSet.Empty, MutualFilter.Any, offset, limit);

    private static EdgeKinds Kinds(UserIdSet follows, UserIdSet hides, UserIdSet blocks, long peerId) =>
        (follows.Contains(peerId) ? EdgeKinds.Follows : EdgeKinds.None)
        | (hides.Contains(peerId) ? EdgeKinds.Hides : EdgeKinds.None)
        | (blocks.Contains(peerId) ? EdgeKinds.Blocks : EdgeKinds.None);

    /// <summary><paramref name="view"/> with no follow either way and no connection with <paramref name="peerId"/> if a block stands between them.</summary>
    private static UserGraphState Severed(UserGraphState view, long peerId) =>
        !view.IsBlockedEitherWay(peerId)
            ? view
            : view with
            {
                Followings = view.Followings.Without(peerId),
                Followers = view.Followers.Without(peerId),
                Connections = view.Connections.With(peerId, null),
            };

    private void EnsureNotBlocked(long userId, string verb)
    {
        if (Blocking.Contains(userId))
        {
            throw new GraphBlockedException($"You block user {userId}: unblock them before you {verb} them.");
        }

        if (BlockedBy.Contains(userId))
        {
            throw new GraphBlockedException($"User {userId} blocks you: you cannot {verb} them.");
        }
    }

    private UserGraphState Changed(UserGraphState next) =>
        ReferenceEquals(next.Followings, Followings)
        && ReferenceEquals(next.Followers, Followers)
        && ReferenceEquals(next.Hidden, Hidden)
        && ReferenceEquals(next.HiddenBy, HiddenBy)
        && ReferenceEquals(next.Blocking, Blocking)
        && ReferenceEquals(next.BlockedBy, BlockedBy)
        && ReferenceEquals(next.Connections, Connections)
            ? this
            : next with { Version = Version + 1 };
}
