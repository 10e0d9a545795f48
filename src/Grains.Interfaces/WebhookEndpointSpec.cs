namespace UserGraph.Grains.Interfaces;

/// <summary>What an operator registers: where to deliver, the signing secret, and which event types.</summary>
/// <param name="Url">An absolute http or https URL.</param>
/// <param name="Secret">The Standard Webhooks secret: <c>whsec_</c> and 24 to 64 random bytes in base64.</param>
/// <param name="Events">Event types (<see cref="GraphChangeNames.EventTypes"/>), <c>noun.*</c> families, or <c>*</c> for all.</param>
[GenerateSerializer]
[Alias("UserGraph.WebhookEndpointSpec")]
public sealed record WebhookEndpointSpec(
    [property: Id(0)] string Url,
    [property: Id(1)] string Secret,
    [property: Id(2)] string[] Events)
{
    /// <summary>The secret's prefix in the Standard Webhooks specification.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>Why the endpoint cannot be registered, or <c>null</c> when it can.</summary>
    public string? Problem()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || Url.Length > 2048 || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return "'url' must be an absolute http or https URL (at most 2048 characters, no user info).";
        }

        if (!IsSecret(Secret))
        {
            return $"'secret' must be '{SecretPrefix}' followed by 24 to 64 random bytes in base64, as the Standard Webhooks specification describes.";
        }

        if (Events is null || Events.Length == 0 || Events.Length > 50)
        {
            return "'events' must list 1 to 50 event types, families such as 'follow.*', or '*'.";
        }

        return Events.FirstOrDefault(pattern => !WebhookEventFilter.IsValidPattern(pattern)) is { } unknown
            ? $"'{(unknown is null ? "null" : unknown.Length > 60 ? unknown[..60] + "…" : unknown)}' is not an event type, a family such as 'follow.*', or '*'."
            : null;
    }

    private static bool IsSecret(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > SecretPrefix.Length + 100)
        {
            return false;
        }

        var bytes = new byte[100];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], bytes, out var length) && length is >= 24 and <= 64;
    }
}
