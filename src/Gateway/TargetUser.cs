using Microsoft.AspNetCore.Http;

namespace UserGraph.Gateway;

/// <summary>The <c>{id}</c> of a route, parsed once for every endpoint that acts on another user.</summary>
internal static class TargetUser
{
    public static async Task<IResult> With(string id, Func<long, Task<IResult>> action) =>
        UserIds.TryParse(id, out var userId) ? await action(userId) : ApiProblems.InvalidUserId(id);
}
