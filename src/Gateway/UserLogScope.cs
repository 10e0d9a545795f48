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

            using (logger.BeginScope(new UserScope(userId)))
            {
                await next(http);
            }
        });
    }

    /// <summary>
    /// The scope's one property, in the list-of-pairs shape logging providers read scopes in:
    /// one small object per request instead of a dictionary.
    /// </summary>
    private sealed class UserScope(string userId) : IReadOnlyList<KeyValuePair<string, object>>
    {
        public int Count => 1;

        public KeyValuePair<string, object> this[int index] =>
            index == 0 ? new("UserId", userId) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"UserId:{userId}";
    }
}
