namespace UserGraph.Gateway;

/// <summary>The one-way edges there are.</summary>
internal static class OneWayEdges
{
    public static readonly OneWayEdgeRoutes<HiddenAnswer, HiddenByAnswer> Hide = new(
        "hide",
        "is_hidden",
        "is_hidden_by",
        "hidden_users",
        present => new HiddenAnswer(present),
        present => new HiddenByAnswer(present),
        "Hides a user from the caller (both modes). PUT hides, DELETE unhides (idempotent), POST toggles (204).",
        ToggleAnswersState: false,
        (user, target, change) => user.ChangeHideAsync(target, change),
        (user, target) => user.IsHidingAsync(target),
        (user, target) => user.IsHiddenByAsync(target),
        (user, offset, limit) => user.GetHiddenAsync(offset, limit));

    public static readonly OneWayEdgeRoutes<BlockedAnswer, BlockedByAnswer> Block = new(
        "block",
        "is_blocked",
        "is_blocked_by",
        "blocked_users",
        present => new BlockedAnswer(present),
        present => new BlockedByAnswer(present),
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
