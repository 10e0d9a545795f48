namespace UserGraph.Gateway;

/// <summary>
/// Reads a list of user ids the way the statuses endpoint takes it, for every endpoint that takes
/// one: a POST body (JSON or form) or a GET query string, bounded by the body limit and an id limit.
/// </summary>
internal static class IdListRequests
{
    public static async Task<StatusesRequest> FromBodyAsync(HttpContext http, GatewayOptions limits, int maxIds)
    {
        var body = await RequestBodyReader.ReadAsync(http.Request, limits.MaxRequestBodyBytes, http.RequestAborted);
        return body is null
            ? StatusesRequest.Refused(StatusCodes.Status413PayloadTooLarge, $"The body may be at most {limits.MaxRequestBodyBytes} bytes.")
            : new StatusesRequestParser(maxIds).Parse(body, http.Request.ContentType);
    }

    public static StatusesRequest FromQuery(HttpContext http, int maxIds) =>
        new StatusesRequestParser(maxIds).ParseQuery(http.Request.QueryString.Value);
}
