using System.Globalization;

namespace UserGraph.Gateway;

/// <summary>The caller's change feed: what changed in the caller's graph since a cursor.</summary>
internal static class ChangeFeedEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder user) =>
        user.MapGet("/graph/changes/", ChangesAsync)
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithDescription(
                $"The caller's graph changes after ?since=<cursor>, oldest first, at most ?limit= ({DefaultLimit} by default, up to {MaxLimit}). "
                + "Without a cursor: no results and the current cursor. Continue with next_cursor. "
                + "A cursor older than the retention (7 days by default) answers 410: re-read the graph, then start again without a cursor.");

    private static async Task<Results<Ok<ChangeFeedAnswer>, ProblemHttpResult>> ChangesAsync(HttpContext http, Caller caller)
    {
        var query = http.Request.Query;
        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            return ApiProblems.BadRequest("'limit' must be a positive integer.");
        }

        if (!query.TryGetValue("since", out var since))
        {
            return TypedResults.Ok(new ChangeFeedAnswer([], ChangeCursor.Format(await caller.Graph.GetChangePositionAsync())));
        }

        if (!ChangeCursor.TryParse(since.ToString(), out var position))
        {
            return ApiProblems.BadRequest("'since' is not a cursor this API handed out: use a next_cursor, or call without 'since' for the current one.");
        }

        var page = await caller.Graph.GetChangesSinceAsync(position, Math.Min(limit, MaxLimit));
        return TypedResults.Ok(new ChangeFeedAnswer(
            [.. page.Changes.Select(ChangeFeedItem.From)],
            ChangeCursor.Format(page.NextPosition)));
    }
}
