using Orleans.Concurrency;

namespace UserGraph.Grains;

/// <summary>
/// Tells a user's grain that its change stream gained its first subscriber or lost its last,
/// so that an active grain starts or stops publishing without reading the subscriber table
/// again. Sent by the pub-sub storage (the silo's ChangeStreamSubscriberStorage) before the
/// subscription is stored; internal to the service.
/// </summary>
[Alias("UserGraph.IChangeStreamOwner")]
public interface IChangeStreamOwner : IGrainWithIntegerKey
{
    [AlwaysInterleave]
    [Alias("SubscribersChanged")]
    Task SubscribersChangedAsync(bool hasSubscribers);
}
