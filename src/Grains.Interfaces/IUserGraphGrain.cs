namespace UserGraph.Grains.Interfaces;

/// <summary>
/// One user's view of the social graph, keyed by the user's id (a positive 64-bit integer).
/// Every method acts as this user: the grain's key is the actor, the argument is the other user.
/// </summary>
/// <remarks>
/// <para>
/// Every fact has one owner: a follow or hide belongs to the user who made it, a connection to
/// the lower id of the pair. The other user's grain keeps a mirror of it (followers, hidden-by,
/// its copy of the connection). A write returns once the owner stored it and the other user's
/// grain shows the mirror to its readers (it stores it right after; the owner's storage holds the
/// fact until then), so any read that starts afterwards, of either user, on any silo, sees it.
/// Only when the other user's grain cannot be reached does a write return after
/// <c>Graph:Mirror:WaitBound</c> (1 s) with the mirror still pending; the methods returning
/// <see cref="EdgeWriteResult"/> or <see cref="ConnectionWriteResult"/> say so, and the mirror
/// follows as soon as it can. Nothing acknowledged is lost.
/// </para>
/// <para>
/// This interface is a public contract for co-hosted services. Method aliases are part of the
/// wire format: never change or reuse one; add new methods with new aliases instead.
/// </para>
/// </remarks>
[Alias("UserGraph.IUserGraphGrain")]
public interface IUserGraphGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The relationship of this user to each of <paramref name="userIds"/>, in the same order and
    /// with the same length, with the graph version they were read at. Ids that are unknown, not
    /// positive, or this user's own id answer <see cref="ConnectionStatus.None"/>.
    /// </summary>
    /// <param name="userIds">
    /// Not copied on a call inside the silo (the hottest call of the service): do not change the
    /// array until the call completes. The grain reads it during the call and keeps no reference.
    /// </param>
    [Alias("GetStatuses")]
    Task<StatusesSnapshot> GetStatusesAsync([Immutable] long[] userIds);

    /// <summary>
    /// Everything the graph knows about this user's relation to each of <paramref name="userIds"/>,
    /// in the same order: the batch read for co-hosted services (chat, games).
    /// </summary>
    [Alias("GetRelationships")]
    Task<Relationship[]> GetRelationshipsAsync(long[] userIds);

    /// <summary>Everything the graph knows about this user's relation to <paramref name="userId"/>.</summary>
    [Alias("GetRelationship")]
    Task<Relationship> GetRelationshipAsync(long userId);

    /// <summary>Whether this user follows <paramref name="userId"/>.</summary>
    [Alias("IsFollowing")]
    Task<bool> IsFollowingAsync(long userId);

    /// <summary>Whether <paramref name="userId"/> follows this user.</summary>
    [Alias("IsFollowedBy")]
    Task<bool> IsFollowedByAsync(long userId);

    /// <summary>
    /// Makes this user follow <paramref name="userId"/>. Idempotent. Returns once durable.
    /// </summary>
    /// <returns><c>true</c> when the follow is new, <c>false</c> when it already existed.</returns>
    /// <exception cref="GraphRuleException">The target is this user or not a valid id.</exception>
    [Alias("Follow")]
    Task<bool> FollowAsync(long userId);

    /// <summary>Makes this user stop following <paramref name="userId"/>. Idempotent. Returns once durable.</summary>
    /// <returns><c>true</c> when a follow was removed, <c>false</c> when there was none.</returns>
    /// <exception cref="GraphRuleException">The target is this user or not a valid id.</exception>
    [Alias("Unfollow")]
    Task<bool> UnfollowAsync(long userId);

    /// <summary>
    /// Follows <paramref name="userId"/> if this user does not follow them yet, else unfollows.
    /// This is the legacy toggle of the REST API; prefer the idempotent methods for new code.
    /// </summary>
    /// <returns><c>true</c> when this user follows the target afterwards.</returns>
    /// <exception cref="GraphRuleException">The target is this user or not a valid id.</exception>
    [Alias("ToggleFollow")]
    Task<bool> ToggleFollowAsync(long userId);

    /// <summary>Hides <paramref name="userId"/> from this user. Idempotent. Returns once durable.</summary>
    /// <returns><c>true</c> when the hide is new.</returns>
    /// <exception cref="GraphRuleException">The target is this user or not a valid id.</exception>
    [Alias("Hide")]
    Task<bool> HideAsync(long userId);

    /// <summary>Stops hiding <paramref name="userId"/>. Idempotent. Returns once durable.</summary>
    /// <returns><c>true</c> when a hide was removed.</returns>
    /// <exception cref="GraphRuleException">The target is this user or not a valid id.</exception>
    [Alias("Unhide")]
    Task<bool> UnhideAsync(long userId);

    /// <summary>Hides <paramref name="userId"/> if not hidden yet, else unhides (the REST toggle).</summary>
    /// <returns><c>true</c> when this user hides the target afterwards.</returns>
    /// <exception cref="GraphRuleException">The target is this user or not a valid id.</exception>
    [Alias("ToggleHide")]
    Task<bool> ToggleHideAsync(long userId);

    /// <summary>Whether this user hides <paramref name="userId"/>.</summary>
    [Alias("IsHiding")]
    Task<bool> IsHidingAsync(long userId);

    /// <summary>Whether <paramref name="userId"/> hides this user.</summary>
    [Alias("IsHiddenBy")]
    Task<bool> IsHiddenByAsync(long userId);

    /// <summary>Follower and following counts of this user.</summary>
    [Alias("GetCounters")]
    Task<GraphCounters> GetCountersAsync();

    /// <summary>
    /// A page of the users who follow this user, ordered mutual follows first, then by id, so
    /// pages are stable while the list does not change.
    /// </summary>
    [Alias("GetFollowers")]
    Task<UserIdPage> GetFollowersAsync(MutualFilter filter, int offset, int limit);

    /// <summary>A page of the users this user follows, in the same order as <see cref="GetFollowersAsync"/>.</summary>
    [Alias("GetFollowings")]
    Task<UserIdPage> GetFollowingsAsync(MutualFilter filter, int offset, int limit);

    /// <summary>A page of the users this user hides, by id.</summary>
    [Alias("GetHidden")]
    Task<UserIdPage> GetHiddenAsync(int offset, int limit);

    /// <summary>
    /// Connection mode: asks <paramref name="userId"/> to connect. If they had already asked this
    /// user, both become connected. Returns this user's status toward them afterwards.
    /// </summary>
    /// <remarks>
    /// Every connection action is decided by one authority per pair (the grain of the lower user
    /// id), so concurrent actions of the two users are applied one after the other and both end
    /// in the same state. Both users' views are updated before the method returns (see the class
    /// remarks for what happens under a fault).
    /// </remarks>
    /// <exception cref="GraphRuleException">The action does not apply to the pair's current state.</exception>
    [Alias("RequestConnection")]
    Task<ConnectionStatus> RequestConnectionAsync(long userId);

    /// <summary>Connection mode: withdraws this user's pending request to <paramref name="userId"/>.</summary>
    /// <exception cref="GraphRuleException">There is no such request.</exception>
    [Alias("CancelConnectionRequest")]
    Task<ConnectionStatus> CancelConnectionRequestAsync(long userId);

    /// <summary>Connection mode: accepts <paramref name="userId"/>'s request; both become connected.</summary>
    /// <exception cref="GraphRuleException">There is no such request.</exception>
    [Alias("AcceptConnection")]
    Task<ConnectionStatus> AcceptConnectionAsync(long userId);

    /// <summary>
    /// Connection mode: rejects <paramref name="userId"/>'s request. It leaves this user's
    /// received list; the requester still sees it as sent.
    /// </summary>
    /// <exception cref="GraphRuleException">There is no pending, unrejected request.</exception>
    [Alias("RejectConnection")]
    Task<ConnectionStatus> RejectConnectionAsync(long userId);

    /// <summary>Connection mode: takes a rejection back; the request is pending again.</summary>
    /// <exception cref="GraphRuleException">There is no rejected request from that user.</exception>
    [Alias("CancelConnectionRejection")]
    Task<ConnectionStatus> CancelConnectionRejectionAsync(long userId);

    /// <summary>Connection mode: ends the connection with <paramref name="userId"/>.</summary>
    /// <exception cref="GraphRuleException">The two users are not connected.</exception>
    [Alias("RemoveConnection")]
    Task<ConnectionStatus> RemoveConnectionAsync(long userId);

    /// <summary>Connection mode: marks <paramref name="userId"/>'s request to this user as seen. Idempotent.</summary>
    /// <exception cref="GraphRuleException">There is no request from that user.</exception>
    [Alias("MarkConnectionRequestSeen")]
    Task<ConnectionStatus> MarkConnectionRequestSeenAsync(long userId);

    /// <summary>Connection mode: this user's status toward <paramref name="userId"/>.</summary>
    [Alias("GetConnectionStatus")]
    Task<ConnectionStatus> GetConnectionStatusAsync(long userId);

    /// <summary>Connection mode: a page of this user's connections, by id.</summary>
    [Alias("GetConnections")]
    Task<UserIdPage> GetConnectionsAsync(int offset, int limit);

    /// <summary>Connection mode: pending requests to this user that it has not rejected, newest first.</summary>
    [Alias("GetReceivedConnectionRequests")]
    Task<ConnectionRequestPage> GetReceivedConnectionRequestsAsync(int offset, int limit);

    /// <summary>
    /// Connection mode: pending requests this user made, newest first. A request the other user
    /// rejected is still listed, and its <see cref="ConnectionRequestInfo.Rejected"/> is always
    /// <c>null</c> here: the sender is not told.
    /// </summary>
    [Alias("GetSentConnectionRequests")]
    Task<ConnectionRequestPage> GetSentConnectionRequestsAsync(int offset, int limit);

    /// <summary>
    /// Follows, unfollows or toggles the follow of <paramref name="userId"/>, and says whether the
    /// other user's side was brought up to date (see the class remarks).
    /// </summary>
    /// <exception cref="GraphRuleException">The target is this user or not a valid id.</exception>
    [Alias("ChangeFollow")]
    Task<EdgeWriteResult> ChangeFollowAsync(long userId, EdgeChange change);

    /// <summary>Hides, unhides or toggles the hide of <paramref name="userId"/>, like <see cref="ChangeFollowAsync"/>.</summary>
    /// <exception cref="GraphRuleException">The target is this user or not a valid id.</exception>
    [Alias("ChangeHide")]
    Task<EdgeWriteResult> ChangeHideAsync(long userId, EdgeChange change);

    /// <summary>
    /// Connection mode: applies <paramref name="action"/> to the connection with
    /// <paramref name="userId"/> (the methods above, one by one), and says whether the other
    /// user's side was brought up to date.
    /// </summary>
    /// <exception cref="GraphRuleException">The action does not apply to the pair's current state.</exception>
    [Alias("ActOnConnection")]
    Task<ConnectionWriteResult> ActOnConnectionAsync(long userId, ConnectionAction action);

    /// <summary>
    /// Blocks, unblocks or toggles the block of <paramref name="userId"/>, like <see cref="ChangeFollowAsync"/>.
    /// A block removes the follows of both users toward each other, their pending requests and
    /// their connection; while it stands neither can follow or ask to connect with the other
    /// (<see cref="GraphBlockedException"/>). Unblocking restores nothing. Independent of hiding.
    /// </summary>
    /// <exception cref="GraphRuleException">The target is this user or not a valid id.</exception>
    [Alias("ChangeBlock")]
    Task<EdgeWriteResult> ChangeBlockAsync(long userId, EdgeChange change);

    /// <summary>Whether this user blocks <paramref name="userId"/>.</summary>
    [Alias("IsBlocking")]
    Task<bool> IsBlockingAsync(long userId);

    /// <summary>Whether <paramref name="userId"/> blocks this user.</summary>
    [Alias("IsBlockedBy")]
    Task<bool> IsBlockedByAsync(long userId);

    /// <summary>A page of the users this user blocks, by id.</summary>
    [Alias("GetBlocked")]
    Task<UserIdPage> GetBlockedAsync(int offset, int limit);

    /// <summary>
    /// <see cref="GetRelationshipsAsync"/> with the graph version it was read at, from one view
    /// (the basis of the REST relationships answer's ETag).
    /// </summary>
    /// <param name="userIds">Not copied on a call inside the silo: do not change it until the call completes.</param>
    [Alias("GetRelationshipsSnapshot")]
    Task<RelationshipsSnapshot> GetRelationshipsSnapshotAsync([Immutable] long[] userIds);

    /// <summary>
    /// A page, by id, of the users this user follows who follow <paramref name="userId"/>, with
    /// the exact total. Costs the smaller of this user's followings and the other user's
    /// followers: that set is sent to the grain holding the larger one.
    /// </summary>
    [Alias("GetFollowersYouKnow")]
    Task<UserIdPage> GetFollowersYouKnowAsync(long userId, int offset, int limit);

    /// <summary>
    /// The current position of this user's change log: the place to start from when nothing was
    /// read before. Every change this user stores after the answer comes after it.
    /// </summary>
    [Alias("GetChangePosition")]
    Task<long> GetChangePositionAsync();

    /// <summary>
    /// This user's stored changes after <paramref name="position"/>, oldest first, at most
    /// <paramref name="limit"/> (1 to 1,000): every kind, both sides of each relation as this user
    /// sees them, erasure included. A subscriber of <see cref="GraphChangeStreams"/> that records
    /// the <see cref="GraphChange.Position"/> it last handled calls this after a restart or a
    /// version gap, and loses nothing.
    /// </summary>
    /// <exception cref="GraphChangesExpiredException">The position is older than the log's retention.</exception>
    [Alias("GetChangesSince")]
    Task<GraphChangePage> GetChangesSinceAsync(long position, int limit);

    /// <summary>
    /// Repair after disaster recovery or a bug: re-reads, from each of <paramref name="ownerIds"/>'
    /// own grain, whether it follows or hides this user, and corrects this user's followers and
    /// hidden-by views to match. Pass every user that may have an edge toward this user (those
    /// the views list now, plus those found by a storage scan).
    /// </summary>
    /// <returns>How many entries were corrected.</returns>
    [Alias("RepairReverseEdges")]
    Task<int> RepairReverseEdgesAsync(long[] ownerIds);
}
