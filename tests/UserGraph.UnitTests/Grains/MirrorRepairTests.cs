using UserGraph.Grains.Interfaces;
using Microsoft.Extensions.Logging.Abstractions;
using UserGraph.Grains;

namespace UserGraph.UnitTests.Grains;

/// <summary>Repair of mirrors alone, on the persistence with the in-memory journal: no cluster, no database.</summary>
public class MirrorRepairTests
{
    private readonly long _user = TestUsers.NewId();
    private readonly DeterministicScheduler _scheduler = new();
    private readonly GraphPersistence _persistence;
    private readonly MirrorRepair _repair = new();

    public MirrorRepairTests() => _persistence = new GraphPersistence(
        _user,
        new InMemoryGraphJournal(),
        new InMemoryPersistentState<UserGraphSnapshot>(_user),
        new GraphJournalOptions(),
        new IdleGraphPersistenceOwner(),
        NullLogger.Instance);

    private static PeerEdges Follows => new(EdgeKinds.Follows, null);

    private static PeerEdges Nothing => new(EdgeKinds.None, null);

    private Task Mirror(long owner, PeerEdges edges) => _scheduler.Run(() =>
    {
        _repair.NoteMirror(owner);
        return _persistence.WriteAsync(GraphWrite.Mirror(owner, view => view.WithEdgesFrom(owner, edges)));
    });

    [Fact]
    public async Task Lost_and_phantom_mirrors_are_set_to_the_owners_truth()
    {
        await Mirror(2, Follows);
        await Mirror(3, Follows);

        // Owner 2 no longer follows (its unfollow was lost), owner 4 does (its follow was lost).
        var truth = new Dictionary<long, PeerEdges> { [2] = Nothing, [3] = Follows, [4] = Follows };
        var corrected = await _scheduler.Run(() => _repair.RunAsync(_persistence, [2, 3, 4], owner => Task.FromResult(truth[owner])));

        Assert.Equal(2, corrected);
        Assert.Equal([3L, 4L], _persistence.View.Followers.Ids.ToArray());
    }

    [Fact]
    public async Task A_mirror_stored_while_the_repair_reads_wins_over_what_the_repair_read()
    {
        // Completed inline, so that the repair resumes on the test's scheduler, not on the thread pool.
        var reading = new TaskCompletionSource<PeerEdges>();
        var repaired = _scheduler.Run(() => _repair.RunAsync(_persistence, [2], _ => reading.Task));

        // Owner 2 follows after the repair read its truth (no follow), and its mirror lands first.
        await Mirror(2, Follows);
        reading.SetResult(Nothing);
        _scheduler.Pump();

        Assert.Equal(0, await repaired);
        Assert.True(_persistence.View.Followers.Contains(2));
    }
}
