namespace UserGraph.Gateway;

/// <summary>
/// Writes an answer's problem body outside an endpoint (authentication, rate limits, timeouts,
/// exceptions): RFC 9457 problem+json where the client accepts JSON, else the same status with a
/// plain-text line. A browser's <c>Accept: text/html</c> once turned every 401 and 429 into a 500,
/// because the problem-details writer refuses such clients and its <c>WriteAsync</c> throws.
/// </summary>
internal static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext http, int status, string title, string? detail, string? type = null)
    {
        http.Response.StatusCode = status;
        var written = await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail, Type = type },
        });
        if (!written)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(detail is null ? title : $"{title}: {detail}");
        }
    }
}
