using Orleans.Concurrency;

namespace UserGraph.Grains;

/// <summary>
/// The grain-to-grain protocol that keeps the two views of every fact in sync: an owner tells a
/// peer to pull, the peer asks the owner for the truth; connection actions go to the pair's
/// authority. Internal to the service, not part of the public contract.
/// </summary>
[Alias("UserGraph.IUserGraphReplica")]
public interface IUserGraphReplica : IGrainWithIntegerKey
{
    /// <summary>
    /// Re-reads what <paramref name="ownerId"/> holds toward this user (owned edges, and the
    /// connection record when it is the pair's authority) and stores it in this user's views.
    /// Idempotent and order-free: it always converges on the truth.
    /// </summary>
    /// <remarks>
    /// Interleaves: the request is queued and answered once a pull that includes it is stored,
    /// so a user many others act on at once (a celebrity gaining followers) pulls from all of
    /// them in one batch and one journal entry instead of one by one.
    /// </remarks>
    [AlwaysInterleave]
    [Alias("SyncEdgesFrom")]
    Task SyncEdgesFromAsync(long ownerId);

    /// <summary>Pulls from every owner that asked since the last pull, as one stored change (a request to itself).</summary>
    [Alias("PullRequestedEdges")]
    Task PullRequestedEdgesAsync();

    /// <summary>Wakes the user to deliver what its journal still marks as pending (sent by the sweeper).</summary>
    [AlwaysInterleave]
    [Alias("ResumeDeliveries")]
    Task ResumeDeliveriesAsync();

    /// <summary>
    /// The durable truth this user holds toward <paramref name="peerId"/>. Interleaves with
    /// everything, so a peer asking never waits on (or deadlocks with) this user's own work.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetEdgesToward")]
    Task<PeerEdges> GetEdgesTowardAsync(long peerId);

    /// <summary>
    /// Applies <paramref name="actorId"/>'s action to the connection between the actor and this
    /// user, which must be the pair's authority (lower id). Calls only ever go from a higher id to
    /// a lower one, so chains of them cannot form a cycle.
    /// </summary>
    /// <returns>The pair's record afterwards.</returns>
    [Alias("ApplyConnectionAction")]
    Task<ConnectionRecord?> ApplyConnectionActionAsync(long actorId, ConnectionAction action);

    /// <summary>Erasure: removes every mention of <paramref name="erasedUserId"/> from this user's graph.</summary>
    [Alias("ForgetUser")]
    Task ForgetUserAsync(long erasedUserId);

    /// <summary>Erasure: empties this user's own graph and returns everyone it mentioned.</summary>
    [Alias("EraseOwnGraph")]
    Task<long[]> EraseOwnGraphAsync();
}
