namespace UserGraph.Tests.Rules;

/// <summary>An action one user takes toward another in the model-based test.</summary>
public enum GraphAction
{
    Follow,
    Unfollow,
    Hide,
    Unhide,
    Block,
    Unblock,
    Request,
    CancelRequest,
    Accept,
    Reject,
    RemoveConnection,
}
