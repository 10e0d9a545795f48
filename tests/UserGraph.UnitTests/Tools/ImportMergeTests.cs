using CsCheck;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;
using UserGraph.Tools;

namespace UserGraph.UnitTests.Tools;

/// <summary>Adding an import to what storage holds.</summary>
public class ImportMergeTests
{
    [Fact]
    public void Importing_into_storage_that_holds_the_same_import_changes_nothing()
    {
        ImportGraphTests.RowsAmong(12, EdgeKind.Follow, EdgeKind.Hide, EdgeKind.Block).Sample(rows =>
        {
            foreach (var user in ImportGraphTests.Gather(CommunityMode.Follow, rows, out _).Users())
            {
                Assert.Null(ImportMerge.Into(user.ToSnapshot(), user));
            }
        });
    }

    [Fact]
    public void Merging_two_imports_one_after_the_other_is_importing_both_at_once()
    {
        var rows = ImportGraphTests.RowsAmong(10, EdgeKind.Follow, EdgeKind.Hide, EdgeKind.Block, EdgeKind.Follow);
        Gen.Select(rows, rows).Sample((first, second) =>
        {
            var stored = ImportGraphTests.Gather(CommunityMode.Follow, first, out _).Users().ToDictionary(u => u.UserId, u => u.ToSnapshot());
            foreach (var user in ImportGraphTests.Gather(CommunityMode.Follow, second, out _).Users())
            {
                stored[user.UserId] = stored.TryGetValue(user.UserId, out var before)
                    ? ImportMerge.Into(before, user) ?? before
                    : user.ToSnapshot();
            }

            var both = ImportGraphTests.Gather(CommunityMode.Follow, [.. first, .. second], out _).Users().ToDictionary(u => u.UserId);
            foreach (var (userId, snapshot) in stored)
            {
                var expected = both.TryGetValue(userId, out var user) ? user.ToSnapshot() : new UserGraphSnapshot();
                Assert.Equal(expected.Followings, snapshot.Followings);
                Assert.Equal(expected.Followers, snapshot.Followers);
                Assert.Equal(expected.Hidden, snapshot.Hidden);
                Assert.Equal(expected.HiddenBy, snapshot.HiddenBy);
                Assert.Equal(expected.Blocking ?? [], snapshot.Blocking ?? []);
                Assert.Equal(expected.BlockedBy ?? [], snapshot.BlockedBy ?? []);
            }
        });
    }

    [Fact]
    public void A_stored_graph_keeps_what_it_had_its_journal_position_and_pending_deliveries_and_its_version_rises()
    {
        var stored = new UserGraphSnapshot { Followings = [5], Hidden = [9], Version = 7, JournalSequence = 12, PendingMirrors = new() { [5] = 7 } };
        var imported = new ImportedUser(1, [3], [4], [], [], [], [], null);

        var merged = ImportMerge.Into(stored, imported)!;

        Assert.Equal([3L, 5L], merged.Followings);
        Assert.Equal([4L], merged.Followers);
        Assert.Equal([9L], merged.Hidden);
        Assert.Equal(8, merged.Version);
        Assert.Equal(12, merged.JournalSequence);
        Assert.Equal(7, merged.PendingMirrors![5]);
    }

    [Fact]
    public void An_imported_block_severs_a_stored_follow_and_connection_and_a_stored_block_refuses_an_imported_one()
    {
        var record = new ConnectionRecord { RequesterId = 1, RequestId = 1, Connected = true, Created = DateTime.UnixEpoch };
        var stored = new UserGraphSnapshot { Followings = [2, 3], Followers = [2], BlockedBy = [3], Connections = new() { [2] = record }, Version = 1 };
        var imported = new ImportedUser(1, [3], [3], [], [], [2], [], new() { [3] = record });

        var merged = ImportMerge.Into(stored, imported)!;

        Assert.Empty(merged.Followings);
        Assert.Empty(merged.Followers);
        Assert.Null(merged.Connections);
        Assert.Equal([2L], merged.Blocking!);
        Assert.Equal([3L], merged.BlockedBy!);
    }
}
