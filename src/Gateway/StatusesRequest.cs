namespace UserGraph.Gateway;

/// <summary>
/// The outcome of reading a statuses request body: the distinct ids in request order, or the
/// reason the body was refused with the HTTP status that says so.
/// </summary>
public sealed record StatusesRequest(long[] UserIds, int ErrorStatus, string? Error)
{
    public bool IsValid => Error is null;

    public static StatusesRequest Ok(long[] userIds) => new(userIds, 0, null);

    public static StatusesRequest Invalid(string error) => new([], StatusCodes.Status400BadRequest, error);

    public static StatusesRequest Refused(int status, string error) => new([], status, error);
}
