using Microsoft.Extensions.Logging;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// Sends a user's stored changes to its change stream while the stream has subscribers, and
/// nothing otherwise: every stream that carries an event costs a pub-sub grain (three statements
/// on its stored row) and the pulling agent's memory until it has been idle two minutes, which a
/// write load over many users paid for streams nobody read. Whether there are subscribers is read
/// once, before the first publish of an activation, then kept current by
/// <see cref="OnSubscribersChanged"/>.
/// </summary>
/// <remarks>
/// Calls come one at a time from the grain's stored-write loop, while notices may interleave with
/// them: a notice that arrives while the table is being read wins over the read's answer, since
/// the notice was sent after the table changed. A failure to publish does not undo the stored
/// change; subscribers see the gap in <see cref="GraphChange.GraphVersion"/>.
/// </remarks>
internal sealed partial class ChangeEventPublisher(
    long userId,
    IChangeStreamSubscribers subscribers,
    IChangeEventChannel channel,
    ILogger logger)
{
    private bool? _hasSubscribers;
    private int _notices;

    public void OnSubscribersChanged(bool hasSubscribers)
    {
        _hasSubscribers = hasSubscribers;
        _notices++;
    }

    public async Task PublishAsync(IReadOnlyList<GraphChange> changes)
    {
        if (changes.Count == 0 || !await HasSubscribersAsync())
        {
            return;
        }

        try
        {
            await channel.SendAsync(changes);
        }
        catch (Exception exception)
        {
            LogPublishFailed(exception, userId);
        }
    }

    private async ValueTask<bool> HasSubscribersAsync()
    {
        if (_hasSubscribers is { } known)
        {
            return known;
        }

        var noticesBefore = _notices;
        bool stored;
        try
        {
            stored = await subscribers.HasSubscribersAsync(userId);
        }
        catch (Exception exception)
        {
            // Unknown: publish, as if subscribed, and ask again next time.
            LogSubscribersUnknown(exception, userId);
            return true;
        }

        if (_notices == noticesBefore)
        {
            _hasSubscribers = stored;
        }

        return _hasSubscribers ?? stored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: a stored change could not be published to its change stream")]
    private partial void LogPublishFailed(Exception exception, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: whether its change stream has subscribers could not be read; publishing")]
    private partial void LogSubscribersUnknown(Exception exception, long userId);
}
