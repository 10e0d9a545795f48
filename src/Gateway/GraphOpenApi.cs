using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace UserGraph.Gateway;

/// <summary>The built-in OpenAPI document at <c>/openapi/v1.json</c>, with the bearer scheme.</summary>
internal static class GraphOpenApi
{
    private const string Bearer = "Bearer";

    public static IServiceCollection AddGraphOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddOperationTransformer((operation, context, _) =>
        {
            // A route's {id} binds through UserId.TryParse, which the generator can only call a string.
            foreach (var description in context.Description.ParameterDescriptions.Where(description => description.Type == typeof(UserId)))
            {
                if (operation.Parameters?.FirstOrDefault(parameter => parameter.Name == description.Name) is OpenApiParameter parameter)
                {
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" };
                }
            }

            return Task.CompletedTask;
        }).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "User graph service (SelfCommunity v2 user-graph API)";
            document.Info.Description =
                "Once a write answered 2xx, every read that starts afterwards reflects it, from either user. "
                + $"Under a fault a write answers after a bounded wait with the header {MirrorPendingHeader.Name}: {MirrorPendingHeader.Pending}: "
                + "it is durable and its author sees it; the other user's side follows as soon as it can.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT whose sub claim is the caller's user id.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] });
            return Task.CompletedTask;
        }));
}
