using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace UserGraph.Gateway;

/// <summary>
/// A browser sends no <c>Authorization</c> header, so an operator signs in once: the sign-in page
/// posts the operator token as a bearer token, and gets it back as a cookie that is HttpOnly,
/// SameSite=Strict, scoped to <see cref="DashboardPath"/> and short-lived. The bearer handler
/// reads that cookie on dashboard requests only; every other endpoint still wants the header.
/// </summary>
/// <remarks>
/// The cookie carries the token itself rather than a session of its own: it is checked exactly as
/// the header would be (signature, expiry, operator scope) by whichever silo gets the request, with
/// no shared session store or data-protection keys between silos.
/// </remarks>
public static class DashboardSession
{
    public const string DashboardPath = "/dashboard";
    public const string SignInPath = "/dashboard-sign-in";
    public const string CookieName = "graph-dashboard";

    /// <summary>The cookie's life in minutes, cut to the token's own expiry when that comes first.</summary>
    public const int LifetimeMinutes = 15;

    public static TimeSpan Lifetime => TimeSpan.FromMinutes(LifetimeMinutes);

    /// <summary>The token a dashboard request carries in the cookie, when it has no header.</summary>
    internal static string? TokenFrom(HttpRequest request) =>
        request.Path.StartsWithSegments(DashboardPath, StringComparison.OrdinalIgnoreCase)
        && !request.Headers.ContainsKey(HeaderNames.Authorization)
        && request.Cookies.TryGetValue(CookieName, out var token)
        && !string.IsNullOrEmpty(token)
            ? token
            : null;

    public static void MapDashboardSignIn(this IEndpointRouteBuilder endpoints)
    {
        var signIn = endpoints.MapGroup(SignInPath).ExcludeFromDescription();
        signIn.MapGet("", () => TypedResults.Content(DashboardSignInPage.Html, "text/html; charset=utf-8")).AllowAnonymous();
        signIn.MapPost("", SignIn).RequireAuthorization(GraphAdminPolicy.Name).AddEndpointFilter<BodyLimitFilter>();
    }

    private static NoContent SignIn(HttpContext http, TimeProvider time)
    {
        // Only the header's token gets here: the cookie is not read outside the dashboard.
        var token = http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var now = time.GetUtcNow();
        var lifetime = Lifetime;
        if (long.TryParse(http.User.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            var left = DateTimeOffset.FromUnixTimeSeconds(expires) - now;
            lifetime = left < lifetime ? left : lifetime;
        }

        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = DashboardPath,
            MaxAge = lifetime,
            IsEssential = true,
        });
        return TypedResults.NoContent();
    }
}
