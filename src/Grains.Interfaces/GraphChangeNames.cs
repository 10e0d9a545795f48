namespace UserGraph.Grains.Interfaces;

/// <summary>
/// The names a change goes by outside the cluster: its <c>kind</c> in the change feed, and its
/// webhook event type. Both are part of the public contract: never rename one.
/// </summary>
/// <remarks>
/// Event types follow SelfCommunity's webhook families where it has one for the change
/// (<c>connection_request.*</c>, <c>connection.*</c>); follows, hides, blocks and erasure are ours,
/// in the same <c>noun.verb</c> form. Each change is named from the side of the user whose graph
/// changed, so one follow is a <c>follow.created</c> for the follower and a <c>follower.created</c>
/// for the followed user.
/// </remarks>
public static class GraphChangeNames
{
    private static readonly Dictionary<GraphChangeKind, (string Kind, string EventType)> Names = new()
    {
        [GraphChangeKind.Followed] = ("followed", "follow.created"),
        [GraphChangeKind.Unfollowed] = ("unfollowed", "follow.deleted"),
        [GraphChangeKind.GainedFollower] = ("gained_follower", "follower.created"),
        [GraphChangeKind.LostFollower] = ("lost_follower", "follower.deleted"),
        [GraphChangeKind.Hid] = ("hid", "hide.created"),
        [GraphChangeKind.Unhid] = ("unhid", "hide.deleted"),
        [GraphChangeKind.HiddenBy] = ("hidden_by", "hidden_by.created"),
        [GraphChangeKind.UnhiddenBy] = ("unhidden_by", "hidden_by.deleted"),
        [GraphChangeKind.ConnectionRequested] = ("connection_requested", "connection_request.created"),
        [GraphChangeKind.ConnectionAccepted] = ("connection_accepted", "connection.created"),
        [GraphChangeKind.ConnectionRemoved] = ("connection_removed", "connection.deleted"),
        [GraphChangeKind.Blocked] = ("blocked", "block.created"),
        [GraphChangeKind.Unblocked] = ("unblocked", "block.deleted"),
        [GraphChangeKind.BlockedBy] = ("blocked_by", "blocked_by.created"),
        [GraphChangeKind.UnblockedBy] = ("unblocked_by", "blocked_by.deleted"),
        [GraphChangeKind.Erased] = ("erased", "user.erased"),
    };

    /// <summary>Every webhook event type, for validating an endpoint's filter.</summary>
    public static IReadOnlyCollection<string> EventTypes { get; } = [.. Names.Values.Select(n => n.EventType)];

    /// <summary>The change's <c>kind</c> in the change feed.</summary>
    public static string KindName(GraphChangeKind kind) => Names.TryGetValue(kind, out var names) ? names.Kind : "unknown";

    /// <summary>The change's webhook event type.</summary>
    public static string EventType(GraphChangeKind kind) => Names.TryGetValue(kind, out var names) ? names.EventType : "unknown";
}
