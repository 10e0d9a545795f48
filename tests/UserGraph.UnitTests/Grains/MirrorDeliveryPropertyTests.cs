using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using UserGraph.Grains;

namespace UserGraph.UnitTests.Grains;

/// <summary>
/// <see cref="MirrorDelivery"/> against a model, over generated runs of stored changes, sends
/// that succeed or fail in any order, waiting writes and the clock moving; CsCheck shrinks a
/// failing run to a minimal one.
/// </summary>
public class MirrorDeliveryPropertyTests
{
    private static readonly MirrorOptions Options = new()
    {
        WaitBound = TimeSpan.FromMilliseconds(500),
        FirstRetryDelay = TimeSpan.FromMilliseconds(100),
        MaxRetryDelay = TimeSpan.FromMilliseconds(400),
    };

    private enum Step
    {
        Change,
        Succeed,
        Fail,
        Wait,
        Advance,
        Show,
        Refuse,
    }

    // Half the runs have peers that show a mirror before storing it (Show, Refuse), half store at once.
    private static readonly Gen<(bool ShowsBeforeStoring, (Step Step, int Peer)[] Steps)> Runs =
        Gen.Select(Gen.Bool, Gen.Select(Gen.Enum<Step>(), Gen.Int[1, 3]).Array[1, 60]);

    [Fact]
    public void Every_acknowledged_entry_is_delivered_every_delivered_wait_is_true_and_a_healed_run_delivers_everything()
    {
        Runs.Sample(Check, iter: 400);
    }

    private static void Check((bool ShowsBeforeStoring, (Step Step, int Peer)[] Steps) run)
    {
        var model = new Model(run.ShowsBeforeStoring);
        foreach (var (step, peer) in run.Steps)
        {
            model.Apply(step, peer);
            model.AssertInvariants();
        }

        model.Heal();
        model.AssertInvariants();
        model.AssertAllDelivered();
    }

    private sealed class Model
    {
        private readonly DeterministicScheduler _scheduler = new();
        private readonly FakeTimeProvider _time = new();
        private readonly ScriptedMirrorChannel _channel;
        private readonly MirrorDelivery _delivery;
        private readonly List<(long Peer, long Version, long Sequence)> _marks = [];
        private readonly List<(long Peer, long Version, Task<bool> Answer)> _waits = [];
        private long _version;
        private long _sequence;

        public Model(bool showsBeforeStoring)
        {
            _channel = new ScriptedMirrorChannel(() => _version, _time) { ShowsBeforeStoring = showsBeforeStoring };
            _delivery = new MirrorDelivery(_channel, Options, _time, NullLogger.Instance);
        }

        public void Apply(Step step, long peer)
        {
            switch (step)
            {
                case Step.Change:
                    _version++;
                    _sequence++;
                    _marks.Add((peer, _version, _sequence));
                    _scheduler.Run(() => _delivery.Mark(peer, _version, _sequence));
                    break;
                case Step.Succeed when InFlight(peer) is not null:
                    _channel.Succeed(peer);
                    break;
                case Step.Fail when InFlight(peer) is not null:
                    _channel.Fail(peer);
                    break;
                case Step.Show or Step.Refuse when _channel.ShowsBeforeStoring && InFlight(peer) is { Shown.Task.IsCompleted: false }:
                    _channel.Show(peer, shown: step == Step.Show);
                    break;
                case Step.Wait:
                    Task<bool> answer = null!;
                    _scheduler.Run(() => { answer = _delivery.WaitAsync(peer); });
                    _waits.Add((peer, LastMarkedVersion(peer), answer));
                    break;
                case Step.Advance:
                    _time.Advance(TimeSpan.FromMilliseconds(peer * 150));
                    break;
            }

            _scheduler.Pump();
        }

        /// <summary>Every send succeeds from now on, and the clock moves until nothing is left to send.</summary>
        public void Heal()
        {
            for (var round = 0; round < 100 && (_channel.InFlight.Any() || !_delivery.Outbox.IsEmpty); round++)
            {
                foreach (var send in _channel.InFlight.ToArray())
                {
                    _channel.Succeed(send.PeerId);
                }

                _scheduler.Pump();
                _time.Advance(Options.MaxRetryDelay);
                _scheduler.Pump();
            }
        }

        public void AssertInvariants()
        {
            // One send in flight per peer at most: an older truth can never overtake a newer one.
            Assert.All(_channel.InFlight.GroupBy(s => s.PeerId), group => Assert.Single(group));

            // No acknowledgement covers an entry whose mirror is not delivered, and they only grow.
            var firstUndelivered = _marks.Where(m => !Delivered(m.Peer, m.Version)).Select(m => m.Sequence).DefaultIfEmpty(long.MaxValue).Min();
            Assert.All(_channel.Acknowledgements, through => Assert.True(through < firstUndelivered, $"acknowledged {through}, entry {firstUndelivered} undelivered"));
            Assert.Equal(_channel.Acknowledgements.Order(), _channel.Acknowledgements);

            // A wait that says "delivered" is right: the peer's readers see it (shown, or stored).
            foreach (var wait in _waits.Where(w => w.Answer.IsCompletedSuccessfully && w.Answer.Result))
            {
                Assert.True(Seen(wait.Peer, wait.Version), $"wait for {wait.Peer} at {wait.Version} answered delivered");
            }

            // The snapshot's outbox names exactly the peers with an undelivered mark.
            Assert.Equal(
                _marks.Where(m => !Delivered(m.Peer, m.Version)).Select(m => m.Peer).Distinct().Order(),
                _delivery.Outbox.Pending.Select(p => p.Key).Order());
        }

        public void AssertAllDelivered()
        {
            Assert.All(_marks, m => Assert.True(Delivered(m.Peer, m.Version)));
            Assert.All(_waits, w => Assert.True(w.Answer.IsCompleted));
            if (_sequence > 0)
            {
                Assert.Equal(_sequence, _channel.Acknowledgements.LastOrDefault());
            }
        }

        private ScriptedMirrorChannel.Send? InFlight(long peer) => _channel.InFlight.SingleOrDefault(s => s.PeerId == peer);

        private long LastMarkedVersion(long peer) => _marks.Where(m => m.Peer == peer).Select(m => m.Version).DefaultIfEmpty(0).Max();

        /// <summary>A send to the peer that carried a truth at least this new was shown or stored.</summary>
        private bool Seen(long peer, long version) =>
            Delivered(peer, version)
            || _channel.Sends.Any(s => s.PeerId == peer && s.Version >= version && s.Shown.Task.IsCompletedSuccessfully && s.Shown.Task.Result);

        /// <summary>A send to the peer that carried a truth at least this new was stored.</summary>
        private bool Delivered(long peer, long version) =>
            version == 0 || _channel.Sends.Any(s => s.PeerId == peer && s.Version >= version && s.Done.Task.IsCompletedSuccessfully);
    }
}
