using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace UserGraph.Gateway;

/// <summary>
/// <c>limit</c>, <c>offset</c> and <c>mutual</c> of a paginated list, and the
/// <c>next</c>/<c>previous</c> links of its answer (limit-offset pagination).
/// </summary>
public sealed record PageRequest(int Offset, int Limit, MutualFilter Mutual)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <returns>The request, or a 400 problem naming the parameter that is wrong.</returns>
    public static (PageRequest? Page, ProblemHttpResult? Problem) From(HttpRequest request, bool allowMutual)
    {
        var query = request.Query;
        if (!TryReadInt(query, "limit", DefaultLimit, out var limit) || limit < 1)
        {
            return (null, ApiProblems.BadRequest("'limit' must be a positive integer."));
        }

        if (!TryReadInt(query, "offset", 0, out var offset) || offset < 0)
        {
            return (null, ApiProblems.BadRequest("'offset' must be a non-negative integer."));
        }

        var mutual = MutualFilter.Any;
        if (allowMutual && query.TryGetValue("mutual", out var mutualValue))
        {
            mutual = mutualValue.ToString() switch
            {
                "1" or "true" => MutualFilter.MutualOnly,
                "0" or "false" => MutualFilter.NonMutualOnly,
                _ => (MutualFilter)255,
            };
            if (!Enum.IsDefined(mutual))
            {
                return (null, ApiProblems.BadRequest("'mutual' must be 0 or 1."));
            }
        }

        // Larger pages are cut to the maximum rather than refused, as limit-offset APIs usually do.
        return (new PageRequest(offset, Math.Min(limit, MaxLimit), mutual), null);
    }

    public string? NextLink(HttpRequest request, int totalCount) =>
        Offset + Limit < totalCount ? Link(request, Offset + Limit) : null;

    public string? PreviousLink(HttpRequest request) =>
        Offset <= 0 ? null : Link(request, Math.Max(0, Offset - Limit));

    private string Link(HttpRequest request, int offset)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["limit"] = Limit.ToString(CultureInfo.InvariantCulture);
        if (offset > 0)
        {
            query["offset"] = offset.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            query.Remove("offset");
        }

        var builder = new QueryBuilder(query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))));
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, builder.ToQueryString());
    }

    private static bool TryReadInt(IQueryCollection query, string name, int fallback, out int value)
    {
        value = fallback;
        return !query.TryGetValue(name, out var text)
               || int.TryParse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
