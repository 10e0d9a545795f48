using System.Security.Claims;

namespace UserGraph.Gateway;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The JWT claim that names the caller.</summary>
    public const string SubjectClaim = "sub";

    /// <summary>
    /// The authenticated caller's user id. Authentication already refused tokens whose subject
    /// is not a positive integer, so this only fails on an endpoint that skipped authorization.
    /// </summary>
    public static long GetUserId(this ClaimsPrincipal user) =>
        UserIds.TryParse(user.FindFirst(SubjectClaim)?.Value, out var id)
            ? id
            : throw new InvalidOperationException("The endpoint was reached without an authenticated user.");
}
