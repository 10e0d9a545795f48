using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// The connection rules, for one pair of users: every (state, action, actor) either has a result
/// or is refused with a <see cref="GraphRuleException"/> (HTTP 400).
/// </summary>
/// <remarks>
/// States: none; pending from the actor; pending to the actor (rejected or not); connected.
/// <list type="table">
/// <item><term>request</term><description>none → pending from actor; pending to actor (rejected or not) → connected; else refused.</description></item>
/// <item><term>cancel_request</term><description>pending from actor → none; else refused.</description></item>
/// <item><term>accept</term><description>pending to actor (rejected or not) → connected; else refused.</description></item>
/// <item><term>reject</term><description>pending to actor, not rejected → rejected; else refused.</description></item>
/// <item><term>cancel_reject</term><description>pending to actor, rejected → pending again; else refused.</description></item>
/// <item><term>remove</term><description>connected → none; else refused.</description></item>
/// <item><term>mark_seen</term><description>pending to actor → viewed (first time kept); else refused.</description></item>
/// </list>
/// </remarks>
public static class ConnectionStateMachine
{
    /// <returns>The pair's record afterwards; <c>null</c> for no relationship.</returns>
    /// <exception cref="GraphRuleException">The action does not apply to the current state.</exception>
    public static ConnectionRecord? Apply(ConnectionRecord? current, long actorId, ConnectionAction action, DateTime now, long newRequestId)
    {
        var pendingFromActor = current is { Connected: false } && current.RequesterId == actorId;
        var pendingToActor = current is { Connected: false } && current.RequesterId != actorId;
        var connected = current is { Connected: true };

        return action switch
        {
            ConnectionAction.Request when current is null =>
                new ConnectionRecord { RequesterId = actorId, RequestId = newRequestId, Created = now },
            ConnectionAction.Request when pendingToActor => current! with { Connected = true },
            ConnectionAction.Request => throw Refused(connected ? "You are already connected." : "You already asked this user."),

            ConnectionAction.CancelRequest when pendingFromActor => null,
            ConnectionAction.CancelRequest => throw Refused("You have no pending request to this user."),

            ConnectionAction.Accept when pendingToActor => current! with { Connected = true },
            ConnectionAction.Accept => throw Refused("This user has not asked you to connect."),

            ConnectionAction.Reject when pendingToActor && current!.Rejected is null => current with { Rejected = now },
            ConnectionAction.Reject => throw Refused("There is no pending request from this user to reject."),

            ConnectionAction.CancelRejection when pendingToActor && current!.Rejected is not null => current with { Rejected = null },
            ConnectionAction.CancelRejection => throw Refused("You have not rejected a request from this user."),

            ConnectionAction.Remove when connected => null,
            ConnectionAction.Remove => throw Refused("You are not connected with this user."),

            ConnectionAction.MarkSeen when pendingToActor => current!.Viewed is null ? current with { Viewed = now } : current,
            ConnectionAction.MarkSeen => throw Refused("This user has not asked you to connect."),

            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    /// <summary>The pair as <paramref name="viewerId"/> sees it.</summary>
    public static ConnectionStatus StatusFor(ConnectionRecord? record, long viewerId) => record switch
    {
        null => ConnectionStatus.None,
        { Connected: true } => ConnectionStatus.Connected,
        _ when record.RequesterId == viewerId => ConnectionStatus.ConnectionRequestSent,
        { Rejected: not null } => ConnectionStatus.None,
        _ => ConnectionStatus.ConnectionRequestReceived,
    };

    private static GraphRuleException Refused(string message) => new(message);
}
