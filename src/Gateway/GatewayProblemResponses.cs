namespace UserGraph.Gateway;

/// <summary>
/// The refusals every authenticated endpoint can answer, declared once per route group so that
/// the OpenAPI document shows each with the problem schema.
/// </summary>
internal static class GatewayProblemResponses
{
    public static RouteGroupBuilder ProducesGatewayProblems(this RouteGroupBuilder group) =>
        group
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
