using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>Webhook endpoints, the dispatchers' places and the dead letters, in the graph database.</summary>
public interface IWebhookStore
{
    /// <summary>Stores the endpoint and a place at <paramref name="start"/> for each of its partitions.</summary>
    Task<long> CreateAsync(WebhookEndpointSpec spec, int partitions, DispatchCursor start);

    Task<WebhookEndpointInfo[]> ListAsync();

    /// <returns>The endpoint, or <c>null</c> when it does not exist (deleted).</returns>
    Task<WebhookEndpoint?> GetAsync(long endpointId);

    /// <summary>Deletes the endpoint with its places and dead letters.</summary>
    Task<bool> DeleteAsync(long endpointId);

    Task<bool> SetPausedAsync(long endpointId, bool paused);

    Task<WebhookPartitionState> GetPartitionAsync(long endpointId, int partition);

    Task SavePartitionAsync(long endpointId, int partition, WebhookPartitionState state);

    Task AddDeadLettersAsync(long endpointId, IReadOnlyList<WebhookMessage> messages, string lastError);

    Task<WebhookDeadLetter[]> GetDeadLettersAsync(long endpointId, int limit);

    /// <summary>The dead letters' messages, oldest first, with their ids.</summary>
    Task<IReadOnlyList<(long Id, WebhookMessage Message)>> GetDeadLetterMessagesAsync(long endpointId, int limit);

    Task RemoveDeadLetterAsync(long deadLetterId);
}
