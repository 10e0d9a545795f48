using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Grains;

/// <summary>Every (state, action, actor) pair of the connection rules: a result or a refusal.</summary>
public class ConnectionStateMachineTests
{
    private const long Actor = 10;
    private const long Other = 20;
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Earlier = Now.AddHours(-1);

    public enum State
    {
        None,
        SentByActor,
        SentByActorRejected,
        ReceivedByActor,
        ReceivedByActorRejected,
        Connected,
    }

    /// <summary>The whole table: null expected means refused (400).</summary>
    public static TheoryData<State, ConnectionAction, State?> Table() => new()
    {
        { State.None, ConnectionAction.Request, State.SentByActor },
        { State.None, ConnectionAction.CancelRequest, null },
        { State.None, ConnectionAction.Accept, null },
        { State.None, ConnectionAction.Reject, null },
        { State.None, ConnectionAction.CancelRejection, null },
        { State.None, ConnectionAction.Remove, null },
        { State.None, ConnectionAction.MarkSeen, null },

        { State.SentByActor, ConnectionAction.Request, null },
        { State.SentByActor, ConnectionAction.CancelRequest, State.None },
        { State.SentByActor, ConnectionAction.Accept, null },
        { State.SentByActor, ConnectionAction.Reject, null },
        { State.SentByActor, ConnectionAction.CancelRejection, null },
        { State.SentByActor, ConnectionAction.Remove, null },
        { State.SentByActor, ConnectionAction.MarkSeen, null },

        { State.SentByActorRejected, ConnectionAction.Request, null },
        { State.SentByActorRejected, ConnectionAction.CancelRequest, State.None },
        { State.SentByActorRejected, ConnectionAction.Accept, null },
        { State.SentByActorRejected, ConnectionAction.Reject, null },
        { State.SentByActorRejected, ConnectionAction.CancelRejection, null },
        { State.SentByActorRejected, ConnectionAction.Remove, null },
        { State.SentByActorRejected, ConnectionAction.MarkSeen, null },

        { State.ReceivedByActor, ConnectionAction.Request, State.Connected },
        { State.ReceivedByActor, ConnectionAction.CancelRequest, null },
        { State.ReceivedByActor, ConnectionAction.Accept, State.Connected },
        { State.ReceivedByActor, ConnectionAction.Reject, State.ReceivedByActorRejected },
        { State.ReceivedByActor, ConnectionAction.CancelRejection, null },
        { State.ReceivedByActor, ConnectionAction.Remove, null },
        { State.ReceivedByActor, ConnectionAction.MarkSeen, State.ReceivedByActor },

        { State.ReceivedByActorRejected, ConnectionAction.Request, State.Connected },
        { State.ReceivedByActorRejected, ConnectionAction.CancelRequest, null },
        { State.ReceivedByActorRejected, ConnectionAction.Accept, State.Connected },
        { State.ReceivedByActorRejected, ConnectionAction.Reject, null },
        { State.ReceivedByActorRejected, ConnectionAction.CancelRejection, State.ReceivedByActor },
        { State.ReceivedByActorRejected, ConnectionAction.Remove, null },
        { State.ReceivedByActorRejected, ConnectionAction.MarkSeen, State.ReceivedByActorRejected },

        { State.Connected, ConnectionAction.Request, null },
        { State.Connected, ConnectionAction.CancelRequest, null },
        { State.Connected, ConnectionAction.Accept, null },
        { State.Connected, ConnectionAction.Reject, null },
        { State.Connected, ConnectionAction.CancelRejection, null },
        { State.Connected, ConnectionAction.Remove, State.None },
        { State.Connected, ConnectionAction.MarkSeen, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_state_and_action_has_a_defined_result(State state, ConnectionAction action, State? expected)
    {
        var current = Record(state);

        if (expected is null)
        {
            Assert.Throws<GraphRuleException>(() => ConnectionStateMachine.Apply(current, Actor, action, Now, newRequestId: 99));
            return;
        }

        var next = ConnectionStateMachine.Apply(current, Actor, action, Now, newRequestId: 99);
        Assert.Equal(expected, Classify(next));
    }

    [Theory]
    [InlineData(State.None, ConnectionStatus.None, ConnectionStatus.None)]
    [InlineData(State.SentByActor, ConnectionStatus.ConnectionRequestSent, ConnectionStatus.ConnectionRequestReceived)]
    [InlineData(State.SentByActorRejected, ConnectionStatus.ConnectionRequestSent, ConnectionStatus.None)]
    [InlineData(State.Connected, ConnectionStatus.Connected, ConnectionStatus.Connected)]
    public void Each_side_sees_its_own_status_and_a_rejection_is_hidden_from_the_sender(
        State state, ConnectionStatus actorSees, ConnectionStatus otherSees)
    {
        var record = Record(state);

        Assert.Equal(actorSees, ConnectionStateMachine.StatusFor(record, Actor));
        Assert.Equal(otherSees, ConnectionStateMachine.StatusFor(record, Other));
    }

    [Fact]
    public void A_new_request_records_who_when_and_its_id_and_marking_seen_keeps_the_first_time()
    {
        var request = ConnectionStateMachine.Apply(null, Actor, ConnectionAction.Request, Now, newRequestId: 7)!;
        var seen = ConnectionStateMachine.Apply(request, Other, ConnectionAction.MarkSeen, Now, 8)!;
        var seenAgain = ConnectionStateMachine.Apply(seen, Other, ConnectionAction.MarkSeen, Now.AddMinutes(5), 9)!;

        Assert.Equal((Actor, 7L, Now), (request.RequesterId, request.RequestId, request.Created));
        Assert.Null(request.Viewed);
        Assert.Equal(Now, seenAgain.Viewed);
    }

    private static ConnectionRecord? Record(State state) => state switch
    {
        State.None => null,
        State.SentByActor => new ConnectionRecord { RequesterId = Actor, RequestId = 1, Created = Earlier },
        State.SentByActorRejected => new ConnectionRecord { RequesterId = Actor, RequestId = 1, Created = Earlier, Rejected = Earlier },
        State.ReceivedByActor => new ConnectionRecord { RequesterId = Other, RequestId = 1, Created = Earlier },
        State.ReceivedByActorRejected => new ConnectionRecord { RequesterId = Other, RequestId = 1, Created = Earlier, Rejected = Earlier },
        State.Connected => new ConnectionRecord { RequesterId = Other, RequestId = 1, Created = Earlier, Connected = true },
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    private static State Classify(ConnectionRecord? record) => record switch
    {
        null => State.None,
        { Connected: true } => State.Connected,
        { RequesterId: Actor, Rejected: null } => State.SentByActor,
        { RequesterId: Actor } => State.SentByActorRejected,
        { Rejected: null } => State.ReceivedByActor,
        _ => State.ReceivedByActorRejected,
    };
}
