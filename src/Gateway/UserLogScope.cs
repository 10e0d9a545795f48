using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UserGraph.Gateway;

/// <summary>Puts the authenticated caller's user id into the log scope of everything the request logs.</summary>
internal static class UserLogScope
{
    public static IApplicationBuilder UseUserLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("UserGraph.Requests");
        return app.Use(async (http, next) =>
        {
            var userId = http.User.FindFirst(ClaimsPrincipalExtensions.SubjectClaim)?.Value;
            if (userId is null)
            {
                await next(http);
                return;
            }

            using (logger.BeginScope(new Dictionary<string, object> { ["UserId"] = userId }))
            {
                await next(http);
            }
        });
    }
}
