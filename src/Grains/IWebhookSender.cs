namespace UserGraph.Grains;

/// <summary>Delivers one signed message to an endpoint over HTTP.</summary>
public interface IWebhookSender
{
    /// <returns><c>null</c> when the endpoint accepted it (a 2xx answer), else why not.</returns>
    Task<string?> SendAsync(WebhookEndpoint endpoint, WebhookMessage message, CancellationToken cancellationToken);
}
