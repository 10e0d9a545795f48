using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// Operators' webhook management: stores endpoints and tells their dispatchers. Stateless, so
/// every silo answers locally.
/// </summary>
[StatelessWorker]
public sealed class WebhookAdminGrain(
    IWebhookStore store,
    IGraphChangeLog changeLog,
    IWebhookSender sender,
    IOptions<WebhookOptions> options) : Grain, IWebhookAdminGrain
{
    private const int ResendBatch = 1000;

    public async Task<long> CreateAsync(WebhookEndpointSpec spec)
    {
        if (spec.Problem() is { } problem)
        {
            throw new GraphRuleException(problem);
        }

        var partitions = Math.Clamp(options.Value.Partitions, 1, 64);
        var id = await store.CreateAsync(spec, partitions, await changeLog.DispatchEndAsync());
        await Task.WhenAll(Dispatchers(id, partitions).Select(dispatcher => dispatcher.StartAsync()));
        return id;
    }

    public Task<WebhookEndpointInfo[]> ListAsync() => store.ListAsync();

    public async Task<bool> DeleteAsync(long endpointId)
    {
        var endpoint = await store.GetAsync(endpointId);
        if (endpoint is null || !await store.DeleteAsync(endpointId))
        {
            return false;
        }

        // Each dispatcher finds its endpoint gone and retires its reminder.
        await Task.WhenAll(Dispatchers(endpointId, endpoint.Partitions).Select(dispatcher => dispatcher.RefreshAsync()));
        return true;
    }

    public async Task<bool> SetPausedAsync(long endpointId, bool paused)
    {
        var endpoint = await store.GetAsync(endpointId);
        if (endpoint is null || !await store.SetPausedAsync(endpointId, paused))
        {
            return false;
        }

        await Task.WhenAll(Dispatchers(endpointId, endpoint.Partitions).Select(dispatcher => dispatcher.RefreshAsync()));
        return true;
    }

    public async Task<bool> ReplayAsync(long endpointId, long fromPosition)
    {
        if (fromPosition < 0)
        {
            throw new GraphRuleException("'from' must be a non-negative position.");
        }

        var endpoint = await store.GetAsync(endpointId);
        if (endpoint is null)
        {
            return false;
        }

        var cursor = await changeLog.DispatchCursorAtAsync(fromPosition);
        await Task.WhenAll(Dispatchers(endpointId, endpoint.Partitions).Select(dispatcher => dispatcher.ReplayFromAsync(cursor)));
        return true;
    }

    public Task<WebhookDeadLetter[]> GetDeadLettersAsync(long endpointId, int limit) =>
        store.GetDeadLettersAsync(endpointId, Math.Clamp(limit, 1, 1000));

    /// <remarks>One at a time, oldest first, so that one user's resent messages keep their order.</remarks>
    public async Task<WebhookResendReport> ResendDeadLettersAsync(long endpointId)
    {
        var endpoint = await store.GetAsync(endpointId);
        if (endpoint is null)
        {
            return new WebhookResendReport(0, 0);
        }

        var (delivered, failed) = (0, 0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var failedUsers = new HashSet<long>();
        foreach (var (id, message) in await store.GetDeadLetterMessagesAsync(endpointId, ResendBatch))
        {
            // After a failure, that user's later letters wait too, to keep their order.
            if (!failedUsers.Contains(message.UserId) && await sender.SendAsync(endpoint, message, timeout.Token) is null)
            {
                await store.RemoveDeadLetterAsync(id);
                delivered++;
            }
            else
            {
                failedUsers.Add(message.UserId);
                failed++;
            }
        }

        return new WebhookResendReport(delivered, failed);
    }

    private IEnumerable<IWebhookDispatcherGrain> Dispatchers(long endpointId, int partitions) =>
        Enumerable.Range(0, partitions).Select(partition =>
            GrainFactory.GetGrain<IWebhookDispatcherGrain>(endpointId, partition.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
