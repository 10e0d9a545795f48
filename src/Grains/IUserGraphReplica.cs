using Orleans.Concurrency;

namespace UserGraph.Grains;

/// <summary>
/// The grain-to-grain protocol that keeps reverse views in sync: an owner tells a peer to pull,
/// the peer asks the owner for the truth. Internal to the service, not part of the public contract.
/// </summary>
[Alias("UserGraph.IUserGraphReplica")]
public interface IUserGraphReplica : IGrainWithIntegerKey
{
    /// <summary>
    /// Re-reads which edges <paramref name="ownerId"/> owns toward this user and stores them in
    /// this user's reverse views. Idempotent and order-free: it always converges on the truth.
    /// </summary>
    [Alias("SyncEdgesFrom")]
    Task SyncEdgesFromAsync(long ownerId);

    /// <summary>
    /// The durable edges this user owns toward <paramref name="peerId"/>. Interleaves with
    /// everything, so a peer asking never waits on (or deadlocks with) this user's own work.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetEdgesToward")]
    Task<EdgeKinds> GetEdgesTowardAsync(long peerId);
}
