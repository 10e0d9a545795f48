namespace UserGraph.Grains.Interfaces;

/// <summary>
/// Operators' management of webhook endpoints (any key; stateless). Endpoints are stored in the
/// graph database; each is delivered by one dispatcher per partition of users, in the silos.
/// </summary>
[Alias("UserGraph.IWebhookAdminGrain")]
public interface IWebhookAdminGrain : IGrainWithIntegerKey
{
    /// <summary>Registers an endpoint; it receives the changes stored from now on.</summary>
    /// <exception cref="GraphRuleException">The spec is invalid (<see cref="WebhookEndpointSpec.Problem"/>).</exception>
    [Alias("Create")]
    Task<long> CreateAsync(WebhookEndpointSpec spec);

    /// <summary>Every registered endpoint, oldest first.</summary>
    [Alias("List")]
    Task<WebhookEndpointInfo[]> ListAsync();

    /// <returns>Whether the endpoint existed.</returns>
    [Alias("Delete")]
    Task<bool> DeleteAsync(long endpointId);

    /// <summary>Pauses or resumes delivery; a paused endpoint keeps its place and catches up on resume (within the log's retention).</summary>
    /// <returns>Whether the endpoint exists.</returns>
    [Alias("SetPaused")]
    Task<bool> SetPausedAsync(long endpointId, bool paused);

    /// <summary>Sends again every change from <paramref name="fromPosition"/> on (some earlier ones too), in order per user.</summary>
    /// <returns>Whether the endpoint exists.</returns>
    [Alias("Replay")]
    Task<bool> ReplayAsync(long endpointId, long fromPosition);

    /// <summary>The endpoint's dead letters, oldest first, at most <paramref name="limit"/>.</summary>
    [Alias("GetDeadLetters")]
    Task<WebhookDeadLetter[]> GetDeadLettersAsync(long endpointId, int limit);

    /// <summary>Tries every dead letter of the endpoint once more, oldest first.</summary>
    [Alias("ResendDeadLetters")]
    Task<WebhookResendReport> ResendDeadLettersAsync(long endpointId);
}
