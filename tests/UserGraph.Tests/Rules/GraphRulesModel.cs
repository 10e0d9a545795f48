using UserGraph.Grains.Interfaces;

namespace UserGraph.Tests.Rules;

/// <summary>
/// The graph's rules as a plain in-memory model of a few users, written from API.md and the
/// issue's text rather than from the service's code: follows, hides, blocks and the connection
/// state machine, with what each action answers.
/// </summary>
public sealed class GraphRulesModel
{
    private readonly HashSet<(int, int)> _follows = [];
    private readonly HashSet<(int, int)> _hides = [];
    private readonly HashSet<(int, int)> _blocks = [];
    private readonly Dictionary<(int, int), Request> _connections = [];

    /// <summary>What an action answers: done, refused by a block (403), or refused by the rules (400).</summary>
    public enum Outcome
    {
        Done,
        Blocked,
        Refused,
    }

    public Outcome Apply(GraphAction action, int actor, int other)
    {
        var blocked = _blocks.Contains((actor, other)) || _blocks.Contains((other, actor));
        var pair = (Math.Min(actor, other), Math.Max(actor, other));
        var request = _connections.GetValueOrDefault(pair);
        var pendingFromActor = request is { Connected: false } && request.Requester == actor;
        var pendingToActor = request is { Connected: false } && request.Requester == other;
        switch (action)
        {
            case GraphAction.Follow when blocked:
                return Outcome.Blocked;
            case GraphAction.Follow:
                _follows.Add((actor, other));
                return Outcome.Done;
            case GraphAction.Unfollow:
                _follows.Remove((actor, other));
                return Outcome.Done;
            case GraphAction.Hide:
                _hides.Add((actor, other));
                return Outcome.Done;
            case GraphAction.Unhide:
                _hides.Remove((actor, other));
                return Outcome.Done;
            case GraphAction.Block:
                _blocks.Add((actor, other));
                _follows.Remove((actor, other));
                _follows.Remove((other, actor));
                _connections.Remove(pair);
                return Outcome.Done;
            case GraphAction.Unblock:
                _blocks.Remove((actor, other));
                return Outcome.Done;
            case GraphAction.Request when request is null && blocked:
                return Outcome.Blocked;
            case GraphAction.Request when request is null:
                _connections[pair] = new Request(actor, Rejected: false, Connected: false);
                return Outcome.Done;
            case GraphAction.Request when pendingToActor:
            case GraphAction.Accept when pendingToActor:
                _connections[pair] = request! with { Connected = true };
                return Outcome.Done;
            case GraphAction.CancelRequest when pendingFromActor:
            case GraphAction.RemoveConnection when request is { Connected: true }:
                _connections.Remove(pair);
                return Outcome.Done;
            case GraphAction.Reject when pendingToActor && !request!.Rejected:
                _connections[pair] = request with { Rejected = true };
                return Outcome.Done;
            default:
                return Outcome.Refused;
        }
    }

    /// <summary>What <paramref name="user"/>'s grain must answer about <paramref name="other"/>.</summary>
    public Relationship Expected(int user, int other, Func<int, long> id) =>
        new(id(other), _follows.Contains((user, other)), _follows.Contains((other, user)), StatusOf(user, other), _hides.Contains((user, other)), _hides.Contains((other, user)))
        {
            Blocks = _blocks.Contains((user, other)),
            BlockedBy = _blocks.Contains((other, user)),
        };

    public GraphCounters ExpectedCounters(int user, int users)
    {
        var others = Enumerable.Range(0, users).Where(other => other != user).ToArray();
        return new GraphCounters(
            others.Count(other => _follows.Contains((other, user))),
            others.Count(other => _follows.Contains((user, other))),
            others.Count(other => StatusOf(user, other) == ConnectionStatus.Connected),
            others.Count(other => StatusOf(user, other) == ConnectionStatus.ConnectionRequestSent),
            others.Count(other => StatusOf(user, other) == ConnectionStatus.ConnectionRequestReceived));
    }

    private ConnectionStatus StatusOf(int user, int other) =>
        _connections.GetValueOrDefault((Math.Min(user, other), Math.Max(user, other))) switch
        {
            null => ConnectionStatus.None,
            { Connected: true } => ConnectionStatus.Connected,
            var request when request.Requester == user => ConnectionStatus.ConnectionRequestSent,
            { Rejected: true } => ConnectionStatus.None,
            _ => ConnectionStatus.ConnectionRequestReceived,
        };

    private sealed record Request(int Requester, bool Rejected, bool Connected);
}
