using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UserGraph.Grains;

/// <summary>
/// Hosts one <see cref="WebhookDispatch"/>: a timer runs its rounds while the activation lives,
/// and a durable reminder re-activates it on a surviving silo when its silo is lost, so delivery
/// resumes from the stored cursor. Orleans guarantees one activation per key, hence one
/// dispatcher per endpoint partition in the whole cluster.
/// </summary>
public sealed partial class WebhookDispatcherGrain(
    IGraphChangeLog changeLog,
    IWebhookStore store,
    IWebhookSender sender,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcherGrain> logger) : Grain, IWebhookDispatcherGrain, IRemindable
{
    private const string KeepAliveReminder = "keep-dispatching";
    // A tick that keeps finding full batches yields after this, so calls (pause, replay) get a turn.
    private static readonly TimeSpan MaxTick = TimeSpan.FromSeconds(1);

    private WebhookDispatch _dispatch = null!;
    private bool _stopped;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var endpointId = this.GetPrimaryKeyLong(out var partitionText);
        _dispatch = new WebhookDispatch(
            endpointId, int.Parse(partitionText!, System.Globalization.CultureInfo.InvariantCulture), changeLog, store, sender, options.Value, TimeProvider.System, logger);
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(options.Value.PollInterval, options.Value.PollInterval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task StartAsync() =>
        await this.RegisterOrUpdateReminder(KeepAliveReminder, options.Value.KeepAlivePeriod, options.Value.KeepAlivePeriod);

    public Task RefreshAsync()
    {
        _dispatch.Refresh();
        return Task.CompletedTask;
    }

    public Task ReplayFromAsync(DispatchCursor cursor) => _dispatch.ReplayFromAsync(cursor);

    // The activation itself is what the reminder is for: its timer does the work.
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        var started = DateTime.UtcNow;
        try
        {
            DispatchRound round;
            do
            {
                round = await _dispatch.RunAsync(cancellationToken);
            }
            while (round == DispatchRound.More && DateTime.UtcNow - started < MaxTick && !cancellationToken.IsCancellationRequested);

            if (round == DispatchRound.Deleted)
            {
                await StopAsync();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database is away, say: the next tick tries again from what is stored.
            LogRoundFailed(exception, this.GetPrimaryKeyLong(out _));
        }
    }

    private async Task StopAsync()
    {
        _stopped = true;
        if (await this.GetReminder(KeepAliveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId}: a dispatch round failed; retrying")]
    private partial void LogRoundFailed(Exception exception, long endpointId);
}
