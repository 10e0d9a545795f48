using Microsoft.AspNetCore.Http.Features;

namespace UserGraph.Gateway;

/// <summary>
/// Endpoints that take no body still receive one now and then: it is read and dropped before the
/// action, and one over <c>Gateway:MaxRequestBodyBytes</c> answers 413 with nothing changed. Left
/// unread, a 10 MB body sent to <c>follow/</c> was accepted and the follow applied; and broken
/// framing only surfaces when the body is read.
/// </summary>
internal sealed class BodyLimitFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            return await next(context);
        }

        var maxBytes = http.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
        return await RequestBodyReader.ReadAsync(http.Request, maxBytes, http.RequestAborted) is null
            ? ApiProblems.PayloadTooLarge(maxBytes)
            : await next(context);
    }
}
