namespace UserGraph.Gateway;

/// <summary>
/// The conditional part of an answer read from one version of the caller's graph (statuses,
/// relationships): sets the ETag, and answers 304 (GET) or 412 (POST) when If-None-Match matches.
/// </summary>
internal static class VersionedAnswer
{
    /// <returns>The not-modified answer, or <c>null</c> when the full answer is due.</returns>
    public static IResult? NotModified(HttpContext http, long graphVersion, long[] userIds, int notModifiedStatus)
    {
        var etag = StatusesETag.Compute(graphVersion, userIds);
        http.Response.Headers.ETag = etag;
        if (!StatusesETag.IfNoneMatchMatches(http.Request.Headers.IfNoneMatch, etag))
        {
            return null;
        }

        return notModifiedStatus == StatusCodes.Status304NotModified
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : ApiProblems.PreconditionFailed("The answer has not changed since the ETag given in If-None-Match.");
    }
}
