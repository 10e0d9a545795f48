namespace UserGraph.Gateway;

/// <summary>Answers 403, naming the required mode, for endpoints of the other community mode.</summary>
internal sealed class RequireModeFilter(CommunityMode required) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var mode = context.HttpContext.RequestServices.GetRequiredService<IOptions<CommunityOptions>>().Value.Mode;
        return mode == required ? next(context) : ValueTask.FromResult<object?>(ApiProblems.RequiresMode(required));
    }
}
