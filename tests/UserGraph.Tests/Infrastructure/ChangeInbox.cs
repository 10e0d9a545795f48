using System.Collections.Concurrent;
using Orleans.Streams;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Tests.Infrastructure;

/// <summary>A subscriber of one user's change stream, as a client would subscribe: keeps every event it receives.</summary>
public sealed class ChangeInbox
{
    private readonly ConcurrentQueue<GraphChange> _changes = new();

    private ChangeInbox()
    {
    }

    public StreamSubscriptionHandle<GraphChange> Subscription { get; private set; } = null!;

    public static async Task<ChangeInbox> SubscribeAsync(IClusterClient client, long userId)
    {
        var inbox = new ChangeInbox();
        var stream = client.GetStreamProvider(GraphChangeStreams.ProviderName).GetStream<GraphChange>(GraphChangeStreams.ForUser(userId));
        inbox.Subscription = await stream.SubscribeAsync((change, _) =>
        {
            inbox._changes.Enqueue(change);
            return Task.CompletedTask;
        });
        return inbox;
    }

    /// <summary>Everything received so far, once there are at least <paramref name="count"/> events.</summary>
    public async Task<List<GraphChange>> WaitForAsync(int count)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(_changes.Count >= count), TimeSpan.FromSeconds(15), $"{count} events");
        return [.. _changes];
    }
}
