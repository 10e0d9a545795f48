using System.Collections;
using Orleans.Storage;
using UserGraph.Grains;

namespace UserGraph.Silo;

/// <summary>
/// The storage of the pub-sub grains of the change streams (Orleans looks for a grain storage
/// named after the stream provider before its default pub-sub store): their state is stored as
/// before, and <see cref="IChangeStreamSubscribers"/> is kept in step with it. A user is added,
/// and its grain told, before its stream's first subscription is stored, so a subscribe that
/// returned is never missed by the publisher; it is removed, and its grain told, after the last
/// one is gone. Other streams' pub-sub state passes through untouched.
/// </summary>
internal sealed class ChangeStreamSubscriberStorage(IGrainStorage store, IChangeStreamSubscribers subscribers, IGrainFactory grains) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        store.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!ChangeStreamPubSubKey.TryParseUserId(grainId.Key.ToString(), out var userId))
        {
            await store.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        if (HasConsumers(grainState.State))
        {
            await subscribers.AddAsync(userId);
            await grains.GetGrain<IChangeStreamOwner>(userId).SubscribersChangedAsync(true);
            await store.WriteStateAsync(stateName, grainId, grainState);
        }
        else
        {
            await store.WriteStateAsync(stateName, grainId, grainState);
            await RemoveAsync(userId);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await store.ClearStateAsync(stateName, grainId, grainState);
        if (ChangeStreamPubSubKey.TryParseUserId(grainId.Key.ToString(), out var userId))
        {
            await RemoveAsync(userId);
        }
    }

    /// <summary>
    /// Whether Orleans' pub-sub state (an internal type) lists a consumer. Were its shape ever to
    /// change, every stream would count as subscribed: publishing for nobody costs memory, missing
    /// a subscriber would lose its events.
    /// </summary>
    internal static bool HasConsumers(object? pubSubState) =>
        pubSubState is not null
        && (pubSubState.GetType().GetProperty("Consumers")?.GetValue(pubSubState) is not IEnumerable consumers
            || consumers.GetEnumerator().MoveNext());

    private async Task RemoveAsync(long userId)
    {
        // Only a user that was listed is told: telling the others would activate them for nothing.
        if (await subscribers.RemoveAsync(userId))
        {
            await grains.GetGrain<IChangeStreamOwner>(userId).SubscribersChangedAsync(false);
        }
    }
}
