using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using StandardWebhooks;
using UserGraph.Grains;

namespace UserGraph.Silo;

/// <summary>
/// Sends a message as the Standard Webhooks specification describes: a JSON POST with
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (this attempt's time) and <c>webhook-signature</c>,
/// signed by the <c>StandardWebhooks</c> package so that receivers verify it with the spec's own
/// libraries. Only a 2xx answer counts as delivered; redirects are not followed.
/// </summary>
internal sealed class StandardWebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time) : IWebhookSender
{
    public const string HttpClientName = "webhooks";

    public async Task<string?> SendAsync(WebhookEndpoint endpoint, WebhookMessage message, CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(message.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", message.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(endpoint.Secret).Sign(message.Id, timestamp, message.Payload));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {options.Value.RequestTimeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException exception)
        {
            return exception.HttpRequestError == HttpRequestError.Unknown ? exception.Message : exception.HttpRequestError.ToString();
        }
    }
}
