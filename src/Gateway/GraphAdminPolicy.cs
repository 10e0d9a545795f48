using Microsoft.AspNetCore.Authorization;

namespace UserGraph.Gateway;

/// <summary>
/// Operators: a token whose <c>scope</c> (space-separated, OAuth style) includes
/// <c>graph:admin</c>, or whose <c>role</c> is <c>graph-admin</c>.
/// </summary>
public static class GraphAdminPolicy
{
    public const string Name = "GraphAdmin";
    public const string Scope = "graph:admin";
    public const string Role = "graph-admin";

    public static void Configure(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context =>
            context.User.FindAll("scope").Any(c => c.Value.Split(' ').Contains(Scope))
            || context.User.FindAll("role").Any(c => c.Value == Role));
}
