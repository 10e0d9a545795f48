using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UserGraph.Grains;

/// <summary>
/// One durable reminder for the whole cluster instead of one per user with pending deliveries:
/// registering a reminder per user cost a database write on the follow path.
/// </summary>
public sealed partial class PeerSyncSweeperGrain(
    IGraphJournal journal,
    IOptions<PeerSyncOptions> options,
    ILogger<PeerSyncSweeperGrain> logger) : Grain, IPeerSyncSweeperGrain, IRemindable
{
    private const string SweepReminder = "sweep-pending-deliveries";
    private const int UsersPerSweep = 10_000;

    public async Task EnsureScheduledAsync() =>
        await this.RegisterOrUpdateReminder(SweepReminder, options.Value.ReminderPeriod, options.Value.ReminderPeriod);

    public async Task<int> SweepAsync()
    {
        var users = await journal.FindPendingDeliveriesAsync(options.Value.ReminderPeriod, UsersPerSweep);
        // A few at a time: a sweep after a busy minute finds thousands of users, and waking them
        // all at once (each then writes its acknowledgement) stalled live requests for a second.
        foreach (var chunk in users.Chunk(8))
        {
            await Task.WhenAll(chunk.Select(user => GrainFactory.GetGrain<IUserGraphReplica>(user).ResumeDeliveriesAsync()));
        }

        if (users.Length > 0)
        {
            LogWoken(users.Length);
        }

        return users.Length;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SweepReminder)
        {
            await SweepAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Woke {Count} users with deliveries pending")]
    private partial void LogWoken(int count);
}
