namespace UserGraph.Gateway;

/// <summary>
/// The conditional part of an answer read from one version of the caller's graph (statuses,
/// relationships): sets the ETag, and says whether If-None-Match matches it, which a GET answers
/// 304 and a POST 412 (RFC 9110 13.1.2).
/// </summary>
internal static class VersionedAnswer
{
    public static bool Unchanged(HttpContext http, long graphVersion, long[] userIds)
    {
        var etag = StatusesETag.Compute(graphVersion, userIds);
        http.Response.Headers.ETag = etag;
        return StatusesETag.IfNoneMatchMatches(http.Request.Headers.IfNoneMatch, etag);
    }

    public static StatusCodeHttpResult NotModified() => TypedResults.StatusCode(StatusCodes.Status304NotModified);

    public static ProblemHttpResult PreconditionFailed() =>
        ApiProblems.PreconditionFailed("The answer has not changed since the ETag given in If-None-Match.");
}
