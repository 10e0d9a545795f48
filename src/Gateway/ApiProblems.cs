namespace UserGraph.Gateway;

/// <summary>The problem answers for input the gateway refuses before reaching a grain.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid request", detail);

    public static ProblemHttpResult InvalidUserId(string? text) =>
        BadRequest($"'{Truncate(text)}' is not a user id: ids are positive integers.");

    public static ProblemHttpResult RequiresMode(CommunityMode mode) =>
        Problem(
            StatusCodes.Status403Forbidden,
            "Not available in this community's mode",
            $"This endpoint requires the community to run in {mode.ToString().ToLowerInvariant()} mode.");

    public static ProblemHttpResult PayloadTooLarge(int maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body may be at most {maxBytes} bytes.");

    public static ProblemHttpResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemHttpResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail);

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", detail);

    public static ProblemHttpResult From(StatusesRequest refused) => refused.ErrorStatus switch
    {
        StatusCodes.Status415UnsupportedMediaType =>
            Problem(refused.ErrorStatus, "Unsupported media type", refused.Error),
        StatusCodes.Status413PayloadTooLarge =>
            Problem(refused.ErrorStatus, "Request body too large", refused.Error),
        _ => BadRequest(refused.Error ?? "The request is invalid."),
    };

    private static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private static string Truncate(string? text) =>
        text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
