namespace UserGraph.Grains;

/// <summary>What one round of <see cref="WebhookDispatch"/> found.</summary>
public enum DispatchRound
{
    /// <summary>Nothing to deliver (or paused): wait for the next poll.</summary>
    Idle,

    /// <summary>A batch was finished: more may be waiting, go on at once.</summary>
    More,

    /// <summary>Deliveries failed and wait for their retry time.</summary>
    Waiting,

    /// <summary>The endpoint no longer exists: the dispatcher should stop for good.</summary>
    Deleted,
}
