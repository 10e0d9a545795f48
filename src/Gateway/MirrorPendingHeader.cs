namespace UserGraph.Gateway;

/// <summary>
/// <c>Graph-Mirror: pending</c> on a write's answer: the write is durable, but the other user's
/// side was not brought up to date within the wait bound because their grain or its storage
/// failed; it follows as soon as it can. Absent in normal operation, where every read that starts
/// after the answer sees the write on both sides.
/// </summary>
internal static class MirrorPendingHeader
{
    public const string Name = "Graph-Mirror";

    public const string Pending = "pending";

    /// <summary>Sets the header when <paramref name="mirrorPending"/>, and passes the result through.</summary>
    public static TResult With<TResult>(HttpContext http, bool mirrorPending, TResult result)
        where TResult : IResult
    {
        if (mirrorPending)
        {
            http.Response.Headers[Name] = Pending;
        }

        return result;
    }
}
