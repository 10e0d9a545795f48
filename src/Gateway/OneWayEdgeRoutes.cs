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
internal sealed record OneWayEdgeRoutes<TState, TStateBy>(
    string Verb,
    string IsRoute,
    string IsByRoute,
    string ListName,
    Func<bool, TState> State,
    Func<bool, TStateBy> StateBy,
    string Description,
    bool ToggleAnswersState,
    Func<IUserGraphGrain, long, EdgeChange, Task<EdgeWriteResult>> Change,
    Func<IUserGraphGrain, long, Task<bool>> Holds,
    Func<IUserGraphGrain, long, Task<bool>> HeldBy,
    Func<IUserGraphGrain, int, int, Task<UserIdPage>> List);
