using UserGraph.Grains;

namespace UserGraph.Silo;

/// <summary>
/// Makes sure the cluster's maintenance reminders (<see cref="IMirrorSweeperGrain"/>,
/// <see cref="IChangeLogMaintenanceGrain"/>) exist once the silo is active. Retried in the background rather than failing the start: a database hiccup at start
/// must not stop a silo, and any silo of the cluster succeeding is enough.
/// </summary>
internal sealed partial class MirrorSweeperScheduler(IGrainFactory grains, ILogger<MirrorSweeperScheduler> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(MirrorSweeperScheduler),
            ServiceLifecycleStage.Active,
            started =>
            {
                _ = ScheduleAsync();
                return Task.CompletedTask;
            },
            _ =>
            {
                _stopping.Cancel();
                return Task.CompletedTask;
            });

    private async Task ScheduleAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<IMirrorSweeperGrain>(0).EnsureScheduledAsync();
                await grains.GetGrain<IChangeLogMaintenanceGrain>(0).EnsureScheduledAsync();
                return;
            }
            catch (Exception exception)
            {
                LogSchedulingFailed(exception);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(10), _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduling the maintenance reminders failed; retrying")]
    private partial void LogSchedulingFailed(Exception exception);
}
