using CsCheck;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;
using UserGraph.Tools;

namespace UserGraph.UnitTests.Tools;

/// <summary>Gathering an import file into both views of every edge, user by user.</summary>
public class ImportGraphTests
{
    private static readonly DateTime ImportTime = new(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Rows among few users, so that repeats, both directions and blocks across follows all happen.</summary>
    internal static Gen<EdgeRow[]> RowsAmong(int users, params EdgeKind[] kinds) =>
        Gen.Select(Gen.Int[0, kinds.Length - 1].Select(i => kinds[i]), Gen.Long[1, users], Gen.Long[1, users], Gen.Int[0, 3])
            .Where(t => t.Item2 != t.Item3)
            .Select(t => new EdgeRow(t.Item1, t.Item2, t.Item3, t.Item4 == 0 ? null : ImportTime.AddDays(-t.Item4)))
            .Array[0, 150];

    [Fact]
    public void Both_views_of_every_edge_agree_no_follow_crosses_a_block_and_repeats_count_once()
    {
        RowsAmong(12, EdgeKind.Follow, EdgeKind.Hide, EdgeKind.Block).Sample(rows =>
        {
            var graph = Gather(CommunityMode.Follow, rows, out var rejected);
            var users = graph.Users().ToDictionary(u => u.UserId);

            var blocks = rows.Where(r => r.Kind == EdgeKind.Block).Select(r => (r.From, r.To)).ToHashSet();
            bool Blocked(long a, long b) => blocks.Contains((a, b)) || blocks.Contains((b, a));
            var follows = rows.Where(r => r.Kind == EdgeKind.Follow && !Blocked(r.From, r.To)).Select(r => (r.From, r.To)).ToHashSet();
            var hides = rows.Where(r => r.Kind == EdgeKind.Hide).Select(r => (r.From, r.To)).ToHashSet();
            Assert.Equal(follows.OrderBy(p => p), users.Values.SelectMany(u => u.Followings.Select(to => (u.UserId, to))).OrderBy(p => p));
            Assert.Equal(follows.OrderBy(p => p), users.Values.SelectMany(u => u.Followers.Select(from => (from, u.UserId))).OrderBy(p => p));
            Assert.Equal(hides.OrderBy(p => p), users.Values.SelectMany(u => u.HiddenBy.Select(from => (from, u.UserId))).OrderBy(p => p));
            Assert.Equal(blocks.OrderBy(p => p), users.Values.SelectMany(u => u.Blocking.Select(to => (u.UserId, to))).OrderBy(p => p));
            Assert.Equal(blocks.OrderBy(p => p), users.Values.SelectMany(u => u.BlockedBy.Select(from => (from, u.UserId))).OrderBy(p => p));
            Assert.All(users.Values, u => Assert.True(u.Followings.Order().Distinct().SequenceEqual(u.Followings), "ascending, once"));
            Assert.Equal(
                rows.Where(r => r.Kind == EdgeKind.Follow && Blocked(r.From, r.To)).Select(r => (r.From, r.To)).ToHashSet(),
                graph.FollowsAcrossBlocks);
            Assert.Empty(rejected);
            Assert.Equal(users.Keys.Order(), users.Keys);
        });
    }

    [Fact]
    public void Requests_both_ways_connect_a_connection_row_connects_and_the_earliest_time_is_kept()
    {
        var graph = Gather(CommunityMode.Connection, [
            new EdgeRow(EdgeKind.ConnectionRequest, 1, 2, ImportTime),
            new EdgeRow(EdgeKind.ConnectionRequest, 2, 1, ImportTime.AddDays(-1)),
            new EdgeRow(EdgeKind.ConnectionRequest, 3, 4),
            new EdgeRow(EdgeKind.ConnectionRequest, 3, 4),
            new EdgeRow(EdgeKind.ConnectionRequest, 5, 6),
            new EdgeRow(EdgeKind.Connection, 6, 5),
        ], out var rejected);
        var users = graph.Users().ToDictionary(u => u.UserId);

        Assert.Empty(rejected);
        Assert.Equal(new ConnectionRecord { RequesterId = 1, RequestId = users[1].Connections![2].RequestId, Connected = true, Created = ImportTime.AddDays(-1) }, users[1].Connections![2]);
        Assert.Equal(users[1].Connections![2], users[2].Connections![1]);
        Assert.False(users[3].Connections![4].Connected);
        Assert.Equal(ImportTime, users[4].Connections![3].Created);
        Assert.True(users[5].Connections![6].Connected);
        Assert.Equal(5, users[6].Connections![5].RequesterId);
    }

    [Fact]
    public void Rows_of_the_other_mode_and_connections_across_a_block_are_rejected()
    {
        var graph = new ImportGraph(CommunityMode.Follow, ImportTime);
        Assert.NotNull(graph.Add(1, new EdgeRow(EdgeKind.Connection, 1, 2)));
        Assert.Null(graph.Add(2, new EdgeRow(EdgeKind.Follow, 1, 2)));

        var connections = new ImportGraph(CommunityMode.Connection, ImportTime);
        Assert.NotNull(connections.Add(1, new EdgeRow(EdgeKind.Follow, 1, 2)));
        Assert.Null(connections.Add(2, new EdgeRow(EdgeKind.ConnectionRequest, 1, 2)));
        Assert.Null(connections.Add(3, new EdgeRow(EdgeKind.Block, 2, 1)));
        Assert.Equal([2L], connections.Complete().Select(r => r.LineNumber));
        Assert.All(connections.Users(), u => Assert.Null(u.Connections));
    }

    [Fact]
    public void Exporting_what_an_import_made_and_importing_that_makes_the_same_graph()
    {
        Gen.OneOf(
            RowsAmong(15, EdgeKind.Follow, EdgeKind.Hide, EdgeKind.Block).Select(rows => (CommunityMode.Follow, rows)),
            RowsAmong(15, EdgeKind.Connection, EdgeKind.ConnectionRequest, EdgeKind.Hide, EdgeKind.Block).Select(rows => (CommunityMode.Connection, rows)))
        .Sample(t =>
        {
            var first = Gather(t.Item1, t.Item2, out _).Users().ToList();
            var exported = first.SelectMany(u => ExportRows.Owned(u.UserId, u.ToSnapshot())).ToArray();
            var second = Gather(t.Item1, exported, out var rejected).Users().ToList();

            Assert.Empty(rejected);
            Assert.Equal(first.Select(Describe), second.Select(Describe));
            Assert.Equal(exported, second.SelectMany(u => ExportRows.Owned(u.UserId, u.ToSnapshot())));
        });
    }

    internal static ImportGraph Gather(CommunityMode mode, EdgeRow[] rows, out List<RejectedRow> rejected)
    {
        var graph = new ImportGraph(mode, ImportTime);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Null(graph.Add(i + 1, rows[i]));
        }

        rejected = graph.Complete();
        return graph;
    }

    internal static string Describe(ImportedUser u) =>
        $"{u.UserId}: f[{string.Join(' ', u.Followings)}] fb[{string.Join(' ', u.Followers)}] h[{string.Join(' ', u.Hidden)}] " +
        $"hb[{string.Join(' ', u.HiddenBy)}] b[{string.Join(' ', u.Blocking)}] bb[{string.Join(' ', u.BlockedBy)}] " +
        $"c[{string.Join(' ', (u.Connections ?? []).OrderBy(c => c.Key).Select(c => $"{c.Key}:{c.Value.RequesterId}:{c.Value.Connected}:{c.Value.Created:O}"))}]";
}
