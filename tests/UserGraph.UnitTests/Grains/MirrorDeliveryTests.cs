using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using UserGraph.Grains;

namespace UserGraph.UnitTests.Grains;

/// <summary>
/// The delivery of mirrors alone: no cluster, no database, a clock the test moves, and a channel
/// whose sends stay in flight until the test says how they end.
/// </summary>
public class MirrorDeliveryTests
{
    private static readonly MirrorOptions Options = new()
    {
        WaitBound = TimeSpan.FromSeconds(1),
        FirstRetryDelay = TimeSpan.FromMilliseconds(200),
        MaxRetryDelay = TimeSpan.FromMilliseconds(1000),
    };

    private readonly DeterministicScheduler _scheduler = new();
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedMirrorChannel _channel;
    private readonly MirrorDelivery _delivery;
    private long _version;
    private long _sequence;

    public MirrorDeliveryTests()
    {
        _channel = new ScriptedMirrorChannel(() => _version, _time);
        _delivery = new MirrorDelivery(_channel, Options, _time, NullLogger.Instance);
    }

    /// <summary>A change to <paramref name="peer"/> stored as the next entry, as the grain marks it.</summary>
    private void Change(long peer) => _scheduler.Run(() => _delivery.Mark(peer, ++_version, ++_sequence));

    private Task<bool> Wait(long peer)
    {
        Task<bool> answer = null!;
        _scheduler.Run(() => { answer = _delivery.WaitAsync(peer); });
        return answer;
    }

    private void Then(Action action)
    {
        action();
        _scheduler.Pump();
    }

    private void Advance(int milliseconds) => Then(() => _time.Advance(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public async Task A_write_waits_until_its_peer_stored_the_mirror_then_the_entry_is_acknowledged()
    {
        Change(7);
        var waiting = Wait(7);

        Assert.False(waiting.IsCompleted);
        Assert.Empty(_channel.Acknowledgements);

        Then(() => _channel.Succeed(7));
        Assert.True(await waiting);
        Assert.Equal([1L], _channel.Acknowledgements);
        Assert.True(await Wait(7));
    }

    [Fact]
    public async Task A_write_answers_once_its_peer_shows_the_mirror_and_the_entry_is_acknowledged_only_once_stored()
    {
        _channel.ShowsBeforeStoring = true;
        Change(7);
        var waiting = Wait(7);

        Then(() => _channel.Show(7));
        Assert.True(await waiting);
        Assert.Empty(_channel.Acknowledgements);

        // Storing it failed at the peer: shown and sent again, and only then acknowledged.
        Then(() => _channel.Fail(7));
        Assert.Empty(_channel.Acknowledgements);
        Advance(200);
        Then(() => _channel.Show(7));
        Then(() => _channel.Succeed(7));
        Assert.Equal(2, _channel.Sends.Count);
        Assert.Equal([1L], _channel.Acknowledgements);
    }

    [Fact]
    public async Task A_write_that_comes_to_wait_after_its_mirror_was_shown_answers_at_once()
    {
        _channel.ShowsBeforeStoring = true;
        Change(7);
        Then(() => _channel.Show(7));

        // Still being stored at the peer; the readers there see it already.
        var waiting = Wait(7);
        Assert.True(waiting.IsCompleted);
        Assert.True(await waiting);
        Assert.Empty(_channel.Acknowledgements);

        // A change after the show is not covered by it.
        Change(7);
        Assert.False(Wait(7).IsCompleted);
    }

    [Fact]
    public async Task A_mirror_the_peer_shows_only_once_stored_answers_the_write_once_stored()
    {
        _channel.ShowsBeforeStoring = true;
        Change(7);
        var waiting = Wait(7);

        Then(() => _channel.Show(7, shown: false));
        Assert.False(waiting.IsCompleted);

        Then(() => _channel.Succeed(7));
        Assert.True(await waiting);
        Assert.Equal([1L], _channel.Acknowledgements);
    }

    [Fact]
    public async Task Changes_stored_during_a_send_are_carried_by_one_more_send()
    {
        Change(7);
        var first = Wait(7);
        Change(7);
        Change(7);
        var last = Wait(7);

        Then(() => _channel.Succeed(7));

        Assert.True(await first);
        Assert.False(last.IsCompleted);
        Assert.Equal([1L, 3L], _channel.Sends.Select(s => s.Version));
        Assert.Empty(_channel.Acknowledgements);

        Then(() => _channel.Succeed(7));
        Assert.True(await last);
        Assert.Equal(2, _channel.Sends.Count);
        Assert.Equal([3L], _channel.Acknowledgements);
    }

    [Fact]
    public async Task A_failing_peer_is_sent_again_with_doubling_delays_and_a_write_waits_at_most_the_bound()
    {
        Change(7);
        var waiting = Wait(7);
        var start = _time.GetUtcNow();

        Then(() => _channel.Fail(7));
        Advance(200);
        Then(() => _channel.Fail(7));
        Advance(400);
        Then(() => _channel.Fail(7));
        Assert.False(waiting.IsCompleted);
        Advance(400);

        Assert.False(await waiting);
        Advance(400);
        Then(() => _channel.Fail(7));
        Advance(1000);
        Then(() => _channel.Fail(7));
        Advance(999);
        Assert.Equal(5, _channel.Sends.Count);
        Advance(1);

        Assert.Equal([0.0, 200, 600, 1400, 2400, 3400], _channel.Sends.Select(s => (s.Started - start).TotalMilliseconds));
        Then(() => _channel.Succeed(7));
        Assert.Equal([1L], _channel.Acknowledgements);
        Assert.True(await Wait(7));
    }

    [Fact]
    public void An_acknowledgement_never_covers_an_entry_whose_mirror_is_undelivered()
    {
        Change(7);
        Change(8);
        Change(9);

        Then(() => _channel.Succeed(8));
        Then(() => _channel.Succeed(9));
        Assert.Empty(_channel.Acknowledgements);

        Then(() => _channel.Succeed(7));
        Assert.Equal([3L], _channel.Acknowledgements);

        Change(7);
        Change(8);
        Then(() => _channel.Succeed(8));
        Assert.Equal([3L], _channel.Acknowledgements);
        Then(() => _channel.Succeed(7));
        Assert.Equal([3L, 5L], _channel.Acknowledgements);
    }

    [Fact]
    public void Marks_taken_over_from_storage_are_delivered_before_anything_is_acknowledged()
    {
        var outbox = MirrorOutbox.Empty.Mark(7, 3).Mark(8, 4);

        _scheduler.Run(() => _delivery.Restore(outbox, sequence: 10, journalPending: true));

        Assert.Equal([7L, 8L], _channel.Sends.Select(s => s.PeerId).Order());
        Then(() => _channel.Succeed(7));
        Assert.Empty(_channel.Acknowledgements);
        Then(() => _channel.Succeed(8));
        Assert.Equal([10L], _channel.Acknowledgements);
    }

    [Fact]
    public void Marks_left_in_storage_after_every_mirror_was_delivered_are_acknowledged_at_once()
    {
        _scheduler.Run(() => _delivery.Restore(MirrorOutbox.Empty, sequence: 5, journalPending: true));

        Assert.Empty(_channel.Sends);
        Assert.Equal([5L], _channel.Acknowledgements);
    }

    [Fact]
    public void An_acknowledgement_made_but_lost_by_storage_is_made_again_when_the_sweeper_asks()
    {
        Change(7);
        Then(() => _channel.Succeed(7));
        Assert.Equal([1L], _channel.Acknowledgements);

        // Acknowledgements commit without waiting for the disk: a database crash can lose one,
        // and the sweeper then finds the marks it cleared.
        _scheduler.Run(_delivery.Resume);

        Assert.Equal([1L, 1L], _channel.Acknowledgements);
        Assert.Single(_channel.Sends);
    }

    [Fact]
    public void A_failed_acknowledgement_is_made_again_when_the_sweeper_asks()
    {
        _channel.FailAcknowledgements = true;
        Change(7);
        Then(() => _channel.Succeed(7));
        Assert.Empty(_channel.Acknowledgements);

        _channel.FailAcknowledgements = false;
        _scheduler.Run(_delivery.Resume);

        Assert.Equal([1L], _channel.Acknowledgements);
        Assert.Equal(1, _delivery.AcknowledgedThrough);
    }

    [Fact]
    public async Task Forgetting_a_peer_answers_its_waiters_and_sends_it_nothing_more()
    {
        Change(7);
        var waiting = Wait(7);
        Then(() => _channel.Fail(7));

        _scheduler.Run(() => _delivery.Forget(7));
        Advance(5000);

        Assert.True(await waiting);
        Assert.Single(_channel.Sends);
        Assert.True(_delivery.Outbox.IsEmpty);
    }

    [Fact]
    public async Task Stopping_answers_waiters_as_pending_sends_nothing_more_and_acknowledges_what_was_delivered()
    {
        Change(8);
        Then(() => _channel.Succeed(8));
        _channel.FailAcknowledgements = true;
        Change(9);
        Then(() => _channel.Succeed(9));
        _channel.FailAcknowledgements = false;
        Change(7);
        var waiting = Wait(7);
        Then(() => _channel.Fail(7));

        await _scheduler.Run(_delivery.StopAsync);
        Advance(5000);

        Assert.False(await waiting);
        Assert.Equal(3, _channel.Sends.Count);
        // Entry 3 (peer 7) is still pending: the final acknowledgement stops before it.
        Assert.Equal([1L, 2L], _channel.Acknowledgements);
        Assert.Equal([7L], _delivery.Outbox.Pending.Select(p => p.Key));
    }
}
