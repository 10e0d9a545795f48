using System.Text;

namespace UserGraph.Tests.Gateway;

/// <summary>One generated request: everything a client controls.</summary>
public sealed record HostileRequest(string Method, string PathAndQuery, string? Authorization, string? ContentType, string? Accept, byte[]? Body)
{
    /// <summary>Whether a problem body in JSON is what this client asked for.</summary>
    public bool AcceptsJson =>
        Accept is null || Accept.Contains("json", StringComparison.OrdinalIgnoreCase) || Accept.Contains("*/*", StringComparison.Ordinal)
        || Accept.Contains("application/*", StringComparison.OrdinalIgnoreCase);

    public HttpRequestMessage ToMessage(Uri baseAddress)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(baseAddress, PathAndQuery));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (Authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }

        if (Accept is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept", Accept);
        }

        return message;
    }

    /// <summary>How a failing case is printed once shrunk: the body as text when it is text.</summary>
    public override string ToString()
    {
        var body = Body is null ? "(none)" : Encoding.UTF8.GetString(Body) is var text && !text.Contains('\uFFFD') ? text : Convert.ToHexString(Body);
        return $"{Method} {PathAndQuery}\n  Authorization: {Authorization}\n  Content-Type: {ContentType}\n  Accept: {Accept}\n  body: {body}";
    }
}
