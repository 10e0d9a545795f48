namespace UserGraph.Gateway;

/// <summary>The authenticated caller, bound once per request: their id and their graph grain.</summary>
public sealed record Caller(long Id, IUserGraphGrain Graph)
{
    /// <summary>
    /// Called by the framework for a <see cref="Caller"/> parameter. Authentication already
    /// refused a token whose subject is not a user id, so on an authorized endpoint this cannot fail.
    /// </summary>
    public static ValueTask<Caller?> BindAsync(HttpContext http)
    {
        var id = http.User.GetUserId();
        return ValueTask.FromResult<Caller?>(new Caller(id, http.RequestServices.GetRequiredService<IGrainFactory>().UserGraph(id)));
    }
}
