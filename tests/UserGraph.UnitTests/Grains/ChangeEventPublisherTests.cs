using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Grains;

/// <summary>
/// Publishing a user's changes only while its stream has subscribers: the table read once per
/// activation, notices from the pub-sub storage after that, and the order between the two.
/// </summary>
public class ChangeEventPublisherTests
{
    private const long UserId = 7;
    private static readonly GraphChange[] OneChange = [new(UserId, 8, GraphChangeKind.Followed, ConnectionStatus.None, 1)];

    private readonly ScriptedSubscribers _table = new();
    private readonly List<IReadOnlyList<GraphChange>> _sent = [];
    private readonly ChangeEventPublisher _publisher;

    public ChangeEventPublisherTests() =>
        _publisher = new ChangeEventPublisher(UserId, _table, new Channel(batch => _sent.Add(batch)), NullLogger.Instance);

    [Fact]
    public async Task Without_subscribers_nothing_is_sent_and_the_table_is_read_once()
    {
        _table.Answer(false);
        await _publisher.PublishAsync(OneChange);
        await _publisher.PublishAsync(OneChange);
        Assert.Empty(_sent);
        Assert.Equal(1, _table.Reads);
    }

    [Fact]
    public async Task With_subscribers_every_batch_is_sent_whole_and_in_order()
    {
        _table.Answer(true);
        GraphChange[] two = [OneChange[0], OneChange[0] with { GraphVersion = 2 }];
        await _publisher.PublishAsync(OneChange);
        await _publisher.PublishAsync(two);
        await _publisher.PublishAsync([]);
        Assert.Equal([OneChange, two], _sent);
        Assert.Equal(1, _table.Reads);
    }

    [Fact]
    public async Task A_notice_replaces_what_was_read_without_reading_again()
    {
        _table.Answer(false);
        await _publisher.PublishAsync(OneChange);
        _publisher.OnSubscribersChanged(true);
        await _publisher.PublishAsync(OneChange);
        _publisher.OnSubscribersChanged(false);
        await _publisher.PublishAsync(OneChange);
        Assert.Single(_sent);
        Assert.Equal(1, _table.Reads);
    }

    [Fact]
    public async Task A_notice_that_arrives_while_the_table_is_read_wins_over_the_older_answer()
    {
        var reading = _publisher.PublishAsync(OneChange);
        _publisher.OnSubscribersChanged(true);
        _table.Answer(false);
        await reading;
        await _publisher.PublishAsync(OneChange);
        Assert.Equal(2, _sent.Count);
        Assert.Equal(1, _table.Reads);
    }

    [Fact]
    public async Task When_the_table_cannot_be_read_the_changes_are_sent_and_it_is_read_again_next_time()
    {
        _table.Fail();
        await _publisher.PublishAsync(OneChange);
        _table.Answer(false);
        await _publisher.PublishAsync(OneChange);
        await _publisher.PublishAsync(OneChange);
        Assert.Single(_sent);
        Assert.Equal(2, _table.Reads);
    }

    [Fact]
    public async Task A_failed_send_is_not_thrown_to_the_write_that_stored_the_change()
    {
        var publisher = new ChangeEventPublisher(UserId, _table, new Channel(_ => throw new TimeoutException()), NullLogger.Instance);
        _table.Answer(true);
        await publisher.PublishAsync(OneChange);
    }

    /// <summary>
    /// Any order of table answers and notices: a batch is sent exactly when the latest word on the
    /// subscribers (a notice, or else the table's answer at the first publish) says there are some.
    /// </summary>
    [Fact]
    public void Sends_follow_the_latest_word_on_subscribers()
    {
        var step = Gen.Int[0, 2].Select(n => n switch { 0 => (bool?)null, 1 => true, _ => false });
        Gen.Bool.Select(step.Array[0, 20]).Sample((stored, steps) =>
        {
            var table = new ScriptedSubscribers();
            table.Answer(stored);
            var sent = 0;
            var publisher = new ChangeEventPublisher(UserId, table, new Channel(_ => sent++), NullLogger.Instance);
            bool? latest = null;
            var expected = 0;
            foreach (var notice in steps)
            {
                if (notice is { } hasSubscribers)
                {
                    publisher.OnSubscribersChanged(hasSubscribers);
                    latest = hasSubscribers;
                }
                else
                {
                    publisher.PublishAsync(OneChange).GetAwaiter().GetResult();
                    latest ??= stored;
                    expected += latest.Value ? 1 : 0;
                }
            }

            Assert.Equal(expected, sent);
            Assert.True(table.Reads <= 1);
        });
    }

    private sealed class Channel(Action<IReadOnlyList<GraphChange>> onSend) : IChangeEventChannel
    {
        public Task SendAsync(IReadOnlyList<GraphChange> changes)
        {
            onSend(changes);
            return Task.CompletedTask;
        }
    }

    private sealed class ScriptedSubscribers : IChangeStreamSubscribers
    {
        private TaskCompletionSource<bool> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Reads { get; private set; }

        public void Answer(bool hasSubscribers)
        {
            if (!_answer.TrySetResult(hasSubscribers))
            {
                _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
                _answer.SetResult(hasSubscribers);
            }
        }

        public void Fail()
        {
            _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _answer.SetException(new TimeoutException("database down"));
        }

        public Task<bool> HasSubscribersAsync(long userId)
        {
            Assert.Equal(UserId, userId);
            Reads++;
            return _answer.Task;
        }

        public Task AddAsync(long userId) => throw new NotSupportedException();

        public Task<bool> RemoveAsync(long userId) => throw new NotSupportedException();
    }
}
