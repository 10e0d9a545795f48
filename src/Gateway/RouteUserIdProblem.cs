namespace UserGraph.Gateway;

/// <summary>
/// When a route's <c>{id}</c> does not bind to a <see cref="UserId"/>, the framework answers 400
/// before the handler runs and the problem-details writer fills in a bare body: this names the
/// value, as every other refused input is named.
/// </summary>
internal static class RouteUserIdProblem
{
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status == StatusCodes.Status400BadRequest
            && problem.Detail is null
            && context.HttpContext.GetRouteValue("id") is string text
            && !UserIds.TryParse(text, out _))
        {
            var invalid = ApiProblems.InvalidUserId(text).ProblemDetails;
            problem.Title = invalid.Title;
            problem.Detail = invalid.Detail;
        }
    }
}
