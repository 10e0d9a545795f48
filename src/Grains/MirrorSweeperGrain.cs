using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UserGraph.Grains;

/// <summary>
/// The recovery path of the mirror protocol: one durable reminder for the whole cluster finds
/// users whose mirrors are still marked pending a sweep period after they were stored and wakes
/// them, and they deliver. In normal operation every mark is cleared when its mirror is stored,
/// so a sweep finds nobody.
/// </summary>
/// <remarks>
/// The grain type keeps the name of its first release, under which its reminder is stored.
/// </remarks>
[GrainType("peersyncsweeper")]
public sealed partial class MirrorSweeperGrain(
    IGraphJournal journal,
    IOptions<MirrorOptions> options,
    ILogger<MirrorSweeperGrain> logger) : Grain, IMirrorSweeperGrain, IRemindable
{
    private const string SweepReminder = "sweep-pending-deliveries";
    private const int UsersPerSweep = 10_000;

    public async Task EnsureScheduledAsync() =>
        await this.RegisterOrUpdateReminder(SweepReminder, options.Value.SweepPeriod, options.Value.SweepPeriod);

    public async Task<int> SweepAsync()
    {
        var users = await journal.FindPendingDeliveriesAsync(options.Value.SweepPeriod, UsersPerSweep);
        // A few at a time: after a crash a sweep may find thousands of users, and waking them all
        // at once (each reading its graph and sending its mirrors) would stall live requests.
        foreach (var chunk in users.Chunk(8))
        {
            await Task.WhenAll(chunk.Select(user => GrainFactory.GetGrain<IUserGraphMirror>(user).ResumeMirroringAsync()));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Mirror sweep woke {Count} users with mirrors pending")]
    private partial void LogWoken(int count);
}
