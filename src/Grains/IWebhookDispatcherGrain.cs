namespace UserGraph.Grains;

/// <summary>
/// The dispatcher of one webhook endpoint (the key) for one partition of users (the key
/// extension, its number), kept alive by a durable reminder.
/// </summary>
[Alias("UserGraph.IWebhookDispatcherGrain")]
public interface IWebhookDispatcherGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Registers the reminder that keeps this dispatcher running, on whichever silo.</summary>
    [Alias("Start")]
    Task StartAsync();

    /// <summary>Reads the endpoint again (paused, resumed, deleted).</summary>
    [Alias("Refresh")]
    Task RefreshAsync();

    [Alias("ReplayFrom")]
    Task ReplayFromAsync(DispatchCursor cursor);
}
