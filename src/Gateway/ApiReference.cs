using Microsoft.Extensions.Hosting;

namespace UserGraph.Gateway;

/// <summary>
/// The interactive API reference at <c>/api-reference</c>: Swagger UI over the service's own
/// OpenAPI document, whose bearer scheme gives it an Authorize button for "try it out".
/// </summary>
internal static class ApiReference
{
    public const string Path = "api-reference";

    /// <summary>On in Development, off elsewhere, unless <see cref="GatewayOptions.ApiReference"/> says otherwise.</summary>
    public static bool Enabled(WebApplication app, GatewayOptions options) =>
        options.ApiReference ?? app.Environment.IsDevelopment();

    public static void UseApiReference(this WebApplication app) =>
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = Path;
            ui.DocumentTitle = "User graph API reference";
            ui.SwaggerEndpoint("/openapi/v1.json", "User graph v1");
            ui.EnableTryItOutByDefault();
            ui.DisplayRequestDuration();
        });
}
