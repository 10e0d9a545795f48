using Orleans.Concurrency;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// The mirror protocol between user grains: the owner of a fact (<see cref="FactOwnership"/>)
/// stores it, then sends its truth toward the other user to that user's grain, which shows it to
/// its readers before the owner's write answers and stores it as its mirror. Internal to the
/// service, not part of the public contract.
/// </summary>
/// <remarks>
/// Every method interleaves: a grain busy with its own writes still takes a mirror, so two users
/// acting on each other, or a cycle of them, never wait on one another. The grain is reentrant as
/// a whole (see <see cref="UserGraphGrain"/>); these methods are marked as well, so the protocol
/// stays free of deadlocks should that ever change.
/// </remarks>
[Alias("UserGraph.IUserGraphMirror")]
public interface IUserGraphMirror : IGrainWithIntegerKey
{
    /// <summary>
    /// Stores what <paramref name="ownerId"/> holds toward this user as this user's mirror of it,
    /// and returns once it is durable and visible. The edges are the owner's whole truth toward
    /// this user, so a repeated mirror changes nothing. Mirrors arriving together (a celebrity
    /// gaining followers) are stored as one journal entry.
    /// </summary>
    [AlwaysInterleave]
    [Alias("Mirror")]
    Task MirrorAsync(long ownerId, PeerEdges edges);

    /// <summary>
    /// Shows what <paramref name="ownerId"/> holds toward this user to this user's readers at once,
    /// and queues storing it as this user's mirror; returns without waiting for storage. The owner
    /// stored its truth first and sends it with <see cref="MirrorAsync"/> until it is stored here,
    /// so nothing shown is lost.
    /// </summary>
    /// <returns>
    /// Whether it is shown; <c>false</c> when it would change this user's own facts (a block
    /// severing them), which are shown only once stored.
    /// </returns>
    [AlwaysInterleave]
    [Alias("ShowMirror")]
    Task<bool> ShowMirrorAsync(long ownerId, PeerEdges edges);

    /// <summary>The durable truth this user owns toward <paramref name="peerId"/> (for repair).</summary>
    [AlwaysInterleave]
    [Alias("GetEdgesToward")]
    Task<PeerEdges> GetEdgesTowardAsync(long peerId);

    /// <summary>
    /// Applies <paramref name="actorId"/>'s action to the connection between the actor and this
    /// user, which must own it (the lower id), and mirrors the result to the actor before answering.
    /// </summary>
    [AlwaysInterleave]
    [Alias("DecideConnection")]
    Task<ConnectionDecision> DecideConnectionAsync(long actorId, ConnectionAction action);

    /// <summary>Wakes the user to deliver the mirrors its journal still marks as pending (sent by the sweeper).</summary>
    [AlwaysInterleave]
    [Alias("ResumeMirroring")]
    Task ResumeMirroringAsync();

    /// <summary>Erasure: removes every mention of <paramref name="erasedUserId"/> from this user's graph.</summary>
    [AlwaysInterleave]
    [Alias("ForgetUser")]
    Task ForgetUserAsync(long erasedUserId);

    /// <summary>Erasure: empties this user's own graph and returns everyone it mentioned.</summary>
    [AlwaysInterleave]
    [Alias("EraseOwnGraph")]
    Task<long[]> EraseOwnGraphAsync();
}
