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
            .WithDescription("Registers an endpoint: {\"url\", \"secret\": \"whsec_<base64>\", \"events\": [\"*\"]}. It receives the changes stored from now on, at least once and in order per user.");
        webhooks.MapGet("", async Task<Ok<WebhookListAnswer<WebhookEndpointItem>>> (IGrainFactory grains) =>
                TypedResults.Ok(new WebhookListAnswer<WebhookEndpointItem>([.. (await Admin(grains).ListAsync()).Select(WebhookEndpointItem.From)])))
            .WithDescription("Every registered endpoint (secrets are never shown), with its count of dead letters.");

        // The routes below take no body: BodyLimitFilter drops one, or refuses one too large.
        var endpoint = webhooks.MapGroup("/{id}").AddEndpointFilter<BodyLimitFilter>();
        endpoint.MapDelete("", (string id, IGrainFactory grains) =>
                WithEndpoint<NoContent>(id, async endpointId => await Admin(grains).DeleteAsync(endpointId) ? TypedResults.NoContent() : NotFound(endpointId)))
            .WithDescription("Deletes the endpoint, its place in the log and its dead letters.");
        endpoint.MapPost("/pause", (string id, IGrainFactory grains) => SetPausedAsync(id, grains, paused: true))
            .WithDescription("Stops deliveries; the endpoint keeps its place.");
        endpoint.MapPost("/resume", (string id, IGrainFactory grains) => SetPausedAsync(id, grains, paused: false))
            .WithDescription("Resumes deliveries from where they stopped (within the change log's retention).");
        endpoint.MapPost("/replay", (string id, HttpRequest request, IGrainFactory grains) =>
                WithEndpoint<Accepted>(id, async endpointId =>
                {
                    if (!long.TryParse(request.Query["from"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var from))
                    {
                        return ApiProblems.BadRequest("'from' must be a change log position (a webhook's data.position).");
                    }

                    return await Admin(grains).ReplayAsync(endpointId, from) ? TypedResults.Accepted((string?)null) : NotFound(endpointId);
                }))
            .WithDescription("Sends again every change from position ?from= on (some earlier ones too), in order per user, with the same webhook-id.");
        endpoint.MapGet("/dead-letters", (string id, IGrainFactory grains) =>
                WithEndpoint<Ok<WebhookListAnswer<WebhookDeadLetterItem>>>(id, async endpointId => TypedResults.Ok(new WebhookListAnswer<WebhookDeadLetterItem>(
                    [.. (await Admin(grains).GetDeadLettersAsync(endpointId, 1000)).Select(WebhookDeadLetterItem.From)]))))
            .WithDescription("Deliveries given up on after the retry window (24 hours by default), oldest first.");
        endpoint.MapPost("/dead-letters/resend", (string id, IGrainFactory grains) =>
                WithEndpoint<Ok<WebhookResendAnswer>>(id, async endpointId =>
                {
                    var report = await Admin(grains).ResendDeadLettersAsync(endpointId);
                    return TypedResults.Ok(new WebhookResendAnswer(report.Delivered, report.Failed));
                }))
            .WithDescription("Tries every dead letter once more, oldest first; delivered ones are removed.");
    }

    private static async Task<Results<Created<WebhookCreatedAnswer>, ProblemHttpResult>> CreateAsync(HttpRequest request, IGrainFactory grains, IOptions<GatewayOptions> options)
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
        return TypedResults.Created($"/admin/webhooks/{id}", new WebhookCreatedAnswer(id));
    }

    private static Task<Results<Ok<WebhookPausedAnswer>, ProblemHttpResult>> SetPausedAsync(string id, IGrainFactory grains, bool paused) =>
        WithEndpoint<Ok<WebhookPausedAnswer>>(id, async endpointId => await Admin(grains).SetPausedAsync(endpointId, paused)
            ? TypedResults.Ok(new WebhookPausedAnswer(paused))
            : NotFound(endpointId));

    private static async Task<Results<TAnswer, ProblemHttpResult>> WithEndpoint<TAnswer>(string id, Func<long, Task<Results<TAnswer, ProblemHttpResult>>> action)
        where TAnswer : IResult =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var endpointId) && endpointId > 0
            ? await action(endpointId)
            : ApiProblems.BadRequest("The webhook endpoint id must be a positive integer.");

    private static ProblemHttpResult NotFound(long endpointId) => ApiProblems.NotFound($"There is no webhook endpoint {endpointId}.");

    private static IWebhookAdminGrain Admin(IGrainFactory grains) => grains.GetGrain<IWebhookAdminGrain>(0);
}
