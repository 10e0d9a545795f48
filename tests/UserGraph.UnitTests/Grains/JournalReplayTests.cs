using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Grains;

public class JournalReplayTests
{
    private const long Owner = 10;

    private static PeerFacts Follows(long peer) => new(peer, EdgeKinds.Follows, EdgeKinds.None, null);

    private static PeerFacts Nothing(long peer) => new(peer, EdgeKinds.None, EdgeKinds.None, null);

    [Fact]
    public void Entries_after_the_snapshot_set_each_relation_outright_in_order()
    {
        var snapshot = new UserGraphSnapshot { Followings = [20, 30], Followers = [40], Version = 5, JournalSequence = 7 };
        JournalRecord[] records =
        [
            new(8, false, new GraphJournalEntry(6, [Nothing(20)], MarksPeers: true)),
            new(9, false, new GraphJournalEntry(7, [new PeerFacts(50, EdgeKinds.Hides, EdgeKinds.Follows, null)], MarksPeers: false)),
            new(10, false, new GraphJournalEntry(8, [Follows(20), Nothing(40)], MarksPeers: false)),
        ];

        var recovered = JournalReplay.Recover(Owner, snapshot, records);

        Assert.Equal([20L, 30L], recovered.View.Followings.Ids.ToArray());
        Assert.Equal([50L], recovered.View.Followers.Ids.ToArray());
        Assert.Equal([50L], recovered.View.Hidden.Ids.ToArray());
        Assert.Equal(8, recovered.View.Version);
        Assert.Equal(10, recovered.Sequence);
        Assert.Equal(3, recovered.EntriesSinceSnapshot);
        Assert.True(recovered.Outbox.IsEmpty);
        Assert.False(recovered.DeliveryPending);
    }

    [Fact]
    public void Only_entries_still_pending_put_their_peers_back_in_the_outbox()
    {
        var snapshot = new UserGraphSnapshot { PendingMirrors = new() { [70] = 2 }, Version = 2 };
        JournalRecord[] records =
        [
            new(1, false, new GraphJournalEntry(3, [Follows(20)], MarksPeers: true)),
            new(2, true, new GraphJournalEntry(4, [Follows(30)], MarksPeers: true)),
            new(3, true, new GraphJournalEntry(5, [Follows(40)], MarksPeers: false)),
        ];

        var recovered = JournalReplay.Recover(Owner, snapshot, records);

        Assert.Equal(
            new Dictionary<long, long> { [70] = 2, [30] = 4 },
            recovered.Outbox.ToStorage());
        Assert.True(recovered.DeliveryPending);
    }

    [Fact]
    public void A_connection_record_in_an_entry_replaces_the_stored_one()
    {
        var record = new ConnectionRecord { RequesterId = Owner, RequestId = 1, Created = DateTime.UnixEpoch };
        var snapshot = new UserGraphSnapshot { Connections = new() { [20] = record with { Connected = false } } };
        JournalRecord[] records = [new(1, false, new GraphJournalEntry(1, [new PeerFacts(20, EdgeKinds.None, EdgeKinds.None, record with { Connected = true })], true))];

        var view = JournalReplay.Recover(Owner, snapshot, records).View;

        Assert.Equal(ConnectionStatus.Connected, view.StatusToward(20));
    }

    [Theory]
    [InlineData(2L, true)]
    [InlineData(3L, false)]
    [InlineData(1L, false)]
    public void A_gap_or_a_repeat_in_the_sequence_is_refused(long second, bool valid)
    {
        JournalRecord[] records =
        [
            new(1, false, new GraphJournalEntry(1, [Follows(20)], false)),
            new(second, false, new GraphJournalEntry(2, [Follows(30)], false)),
        ];

        var error = Record.Exception(() => JournalReplay.Recover(Owner, new UserGraphSnapshot(), records));

        Assert.Equal(valid, error is null);
        Assert.True(valid || error is InvalidDataException);
    }

    [Fact]
    public void A_snapshot_marker_changes_no_edge()
    {
        var snapshot = new UserGraphSnapshot { Followings = [20], Version = 3, JournalSequence = 4 };

        var recovered = JournalReplay.Recover(Owner, snapshot, [new(5, false, GraphJournalEntry.SnapshotMarker(4))]);

        Assert.Equal([20L], recovered.View.Followings.Ids.ToArray());
        Assert.Equal(4, recovered.View.Version);
    }

    [Theory]
    [InlineData(63, 100, false)]
    [InlineData(64, 100, true)]
    [InlineData(64, 1_000_000, false)]
    [InlineData(31_250, 1_000_000, true)]
    public void A_snapshot_is_due_after_a_number_of_entries_that_grows_with_the_graph(int entries, int edges, bool due) =>
        Assert.Equal(due, new GraphJournalOptions().IsSnapshotDue(entries, edges));
}
