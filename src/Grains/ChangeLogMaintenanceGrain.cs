namespace UserGraph.Grains;

/// <summary>
/// Runs <see cref="IGraphChangeLog.MaintainAsync"/> every hour from a durable reminder, on
/// whichever silo holds it: partitions are created days ahead, so a missed hour or two (a silo
/// lost, the database down) costs nothing.
/// </summary>
public sealed class ChangeLogMaintenanceGrain(IGraphChangeLog changeLog) : Grain, IChangeLogMaintenanceGrain, IRemindable
{
    private const string MaintenanceReminder = "maintain-change-log";
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    public async Task EnsureScheduledAsync() => await this.RegisterOrUpdateReminder(MaintenanceReminder, Period, Period);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == MaintenanceReminder ? changeLog.MaintainAsync() : Task.CompletedTask;
}
