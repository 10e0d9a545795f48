namespace UserGraph.Gateway;

/// <summary>
/// The routes and answers of a one-way edge a user makes toward another (hide, block): the
/// same shape of API for each, mapped by <see cref="OneWayEdgeEndpoints"/>.
/// </summary>
/// <param name="Verb">The route segment of the edge: <c>/{id}/{Verb}/</c>.</param>
/// <param name="ListName">The list routes: <c>/{ListName}/</c> and <c>/{ListName}_id/</c>.</param>
/// <param name="State">The answer saying whether the caller holds the edge (<c>{"is_hidden": bool}</c>).</param>
/// <param name="StateBy">The answer saying whether the other user holds it toward the caller.</param>
/// <param name="Description">What the edge does, for the OpenAPI document's write operations.</param>
/// <param name="ToggleAnswersState">Whether POST's toggle answers 200 with the state (else 204, as the reference's hide does).</param>
internal sealed record OneWayEdgeRoutes(
    string Verb,
    string IsRoute,
    string IsByRoute,
    string ListName,
    Func<bool, object> State,
    Type StateType,
    Func<bool, object> StateBy,
    Type StateByType,
    string Description,
    bool ToggleAnswersState,
    Func<IUserGraphGrain, long, EdgeChange, Task<EdgeWriteResult>> Change,
    Func<IUserGraphGrain, long, Task<bool>> Holds,
    Func<IUserGraphGrain, long, Task<bool>> HeldBy,
    Func<IUserGraphGrain, int, int, Task<UserIdPage>> List)
{
    public static readonly OneWayEdgeRoutes Hide = new(
        "hide",
        "is_hidden",
        "is_hidden_by",
        "hidden_users",
        present => new HiddenAnswer(present),
        typeof(HiddenAnswer),
        present => new HiddenByAnswer(present),
        typeof(HiddenByAnswer),
        "Hides a user from the caller (both modes). PUT hides, DELETE unhides (idempotent), POST toggles (204).",
        ToggleAnswersState: false,
        (user, target, change) => user.ChangeHideAsync(target, change),
        (user, target) => user.IsHidingAsync(target),
        (user, target) => user.IsHiddenByAsync(target),
        (user, offset, limit) => user.GetHiddenAsync(offset, limit));

    public static readonly OneWayEdgeRoutes Block = new(
        "block",
        "is_blocked",
        "is_blocked_by",
        "blocked_users",
        present => new BlockedAnswer(present),
        typeof(BlockedAnswer),
        present => new BlockedByAnswer(present),
        typeof(BlockedByAnswer),
        "Blocks a user (both modes). PUT blocks, DELETE unblocks (idempotent), POST toggles; each answers the outcome. "
        + "Blocking removes the follows of both users toward each other, cancels connection requests both ways and ends a connection, "
        + "visible to every reader once answered. While a block stands neither user may follow or ask to connect with the other "
        + "(403, problem type \"blocked\") and their statuses are null. Unblocking restores nothing; hiding is independent.",
        ToggleAnswersState: true,
        (user, target, change) => user.ChangeBlockAsync(target, change),
        (user, target) => user.IsBlockingAsync(target),
        (user, target) => user.IsBlockedByAsync(target),
        (user, offset, limit) => user.GetBlockedAsync(offset, limit));
}
