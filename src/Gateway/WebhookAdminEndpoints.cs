using System.Globalization;

namespace UserGraph.Gateway;

/// <summary>
/// Operators' webhook endpoints under <c>/admin/webhooks</c>, behind <see cref="GraphAdminPolicy"/>.
/// Deliveries follow the Standard Webhooks specification; see README, "Webhooks and change feed".
/// </summary>
internal static class WebhookAdminEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup("/admin/webhooks").RequireAuthorization(GraphAdminPolicy.Name).ProducesGatewayProblems();
        webhooks.MapPost("", CreateAsync)
            .Produces<WebhookCreatedAnswer>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithDescription("Registers an endpoint: {\"url\", \"secret\": \"whsec_<base64>\", \"events\": [\"*\"]}. It receives the changes stored from now on, at least once and in order per user.");
        webhooks.MapGet("", async (IGrainFactory grains) =>
                Results.Json(new WebhookListAnswer<WebhookEndpointItem>([.. (await Admin(grains).ListAsync()).Select(WebhookEndpointItem.From)])))
            .Produces<WebhookListAnswer<WebhookEndpointItem>>()
            .WithDescription("Every registered endpoint (secrets are never shown), with its count of dead letters.");

        // The routes below take no body: BodyLimitFilter drops one, or refuses one too large.
        var endpoint = webhooks.MapGroup("/{id}").AddEndpointFilter<BodyLimitFilter>();
        endpoint.MapDelete("", (string id, IGrainFactory grains) =>
                WithEndpoint(id, async endpointId => await Admin(grains).DeleteAsync(endpointId) ? Results.NoContent() : NotFound(endpointId)))
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Deletes the endpoint, its place in the log and its dead letters.");
        endpoint.MapPost("/pause", (string id, IGrainFactory grains) => SetPausedAsync(id, grains, paused: true))
            .Produces<WebhookPausedAnswer>()
            .WithDescription("Stops deliveries; the endpoint keeps its place.");
        endpoint.MapPost("/resume", (string id, IGrainFactory grains) => SetPausedAsync(id, grains, paused: false))
            .Produces<WebhookPausedAnswer>()
            .WithDescription("Resumes deliveries from where they stopped (within the change log's retention).");
        endpoint.MapPost("/replay", (string id, HttpRequest request, IGrainFactory grains) =>
                WithEndpoint(id, async endpointId =>
                {
                    if (!long.TryParse(request.Query["from"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var from))
                    {
                        return ApiProblems.BadRequest("'from' must be a change log position (a webhook's data.position).");
                    }

                    return await Admin(grains).ReplayAsync(endpointId, from) ? Results.Accepted() : NotFound(endpointId);
                }))
            .Produces(StatusCodes.Status202Accepted)
            .WithDescription("Sends again every change from position ?from= on (some earlier ones too), in order per user, with the same webhook-id.");
        endpoint.MapGet("/dead-letters", (string id, IGrainFactory grains) =>
                WithEndpoint(id, async endpointId => Results.Json(new WebhookListAnswer<WebhookDeadLetterItem>(
                    [.. (await Admin(grains).GetDeadLettersAsync(endpointId, 1000)).Select(WebhookDeadLetterItem.From)]))))
            .Produces<WebhookListAnswer<WebhookDeadLetterItem>>()
            .WithDescription("Deliveries given up on after the retry window (24 hours by default), oldest first.");
        endpoint.MapPost("/dead-letters/resend", (string id, IGrainFactory grains) =>
                WithEndpoint(id, async endpointId =>
                {
                    var report = await Admin(grains).ResendDeadLettersAsync(endpointId);
                    return Results.Json(new WebhookResendAnswer(report.Delivered, report.Failed));
                }))
            .Produces<WebhookResendAnswer>()
            .WithDescription("Tries every dead letter once more, oldest first; delivered ones are removed.");
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, IGrainFactory grains, IOptions<GatewayOptions> options)
    {
        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.UnsupportedMediaType("Send the endpoint as JSON.");
        }

        var body = await RequestBodyReader.ReadAsync(request, options.Value.MaxRequestBodyBytes, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return ApiProblems.PayloadTooLarge(options.Value.MaxRequestBodyBytes);
        }

        var (spec, problem) = WebhookEndpointRequest.Parse(body);
        if (spec is null)
        {
            return ApiProblems.BadRequest(problem!);
        }

        var id = await Admin(grains).CreateAsync(spec);
        return Results.Json(new WebhookCreatedAnswer(id), statusCode: StatusCodes.Status201Created);
    }

    private static Task<IResult> SetPausedAsync(string id, IGrainFactory grains, bool paused) =>
        WithEndpoint(id, async endpointId => await Admin(grains).SetPausedAsync(endpointId, paused)
            ? Results.Json(new WebhookPausedAnswer(paused))
            : NotFound(endpointId));

    private static async Task<IResult> WithEndpoint(string id, Func<long, Task<IResult>> action) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var endpointId) && endpointId > 0
            ? await action(endpointId)
            : ApiProblems.BadRequest("The webhook endpoint id must be a positive integer.");

    private static IResult NotFound(long endpointId) => ApiProblems.NotFound($"There is no webhook endpoint {endpointId}.");

    private static IWebhookAdminGrain Admin(IGrainFactory grains) => grains.GetGrain<IWebhookAdminGrain>(0);
}
