using CsCheck;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Grains;

/// <summary>The block rules of <see cref="UserGraphState"/>, without a cluster.</summary>
public class BlockRulesTests
{
    private const long Me = 100;

    [Fact]
    public void Blocking_severs_follows_both_ways_and_the_connection_but_keeps_hides()
    {
        var view = UserGraphState.Empty(Me)
            .WithFollowing(7, true)
            .WithHidden(7, true)
            .WithEdgesFrom(7, new PeerEdges(EdgeKinds.Follows, null))
            .WithConnection(7, new ConnectionRecord { RequesterId = Me, RequestId = 1, Created = DateTime.UtcNow });

        var blocked = view.WithBlocking(7, true);

        Assert.False(blocked.Followings.Contains(7));
        Assert.False(blocked.Followers.Contains(7));
        Assert.Null(blocked.Connections.Get(7));
        Assert.True(blocked.Hidden.Contains(7));
        Assert.Equal(EdgeKinds.Hides | EdgeKinds.Blocks, blocked.EdgesToward(7).Owned);
        Assert.Equal(ConnectionStatus.None, blocked.StatusToward(7));
        Assert.Equal(view.Version + 1, blocked.Version);
        Assert.Equal(new GraphCounters(0, 0, 0, 0, 0), blocked.Counters);
    }

    [Fact]
    public void A_block_arriving_as_a_mirror_drops_this_users_own_follow_and_connection()
    {
        // 7 < 100: user 7 owns the connection, and this view only holds its copy.
        var view = UserGraphState.Empty(Me).WithFollowing(7, true).WithFollowing(300, true)
            .WithConnection(300, new ConnectionRecord { RequesterId = Me, RequestId = 2, Created = DateTime.UtcNow, Connected = true });

        var blockedBy7 = view.WithEdgesFrom(7, new PeerEdges(EdgeKinds.Blocks, null));
        var blockedBy300 = view.WithEdgesFrom(300, new PeerEdges(EdgeKinds.Blocks, null));

        Assert.True(blockedBy7.BlockedBy.Contains(7));
        Assert.False(blockedBy7.Followings.Contains(7));
        Assert.NotEqual(view.EdgesToward(7), blockedBy7.EdgesToward(7));
        // This user owns the connection with 300 (the lower id): the block ends it here.
        Assert.Null(blockedBy300.Connections.Get(300));
        Assert.Null(blockedBy300.EdgesToward(300).Connection);
    }

    [Fact]
    public void Following_or_requesting_across_a_block_is_refused_either_way()
    {
        var blocking = UserGraphState.Empty(Me).WithBlocking(7, true);
        var blockedBy = UserGraphState.Empty(Me).WithEdgesFrom(7, new PeerEdges(EdgeKinds.Blocks, null));
        var request = new ConnectionRecord { RequesterId = Me, RequestId = 3, Created = DateTime.UtcNow };

        foreach (var view in new[] { blocking, blockedBy })
        {
            Assert.Throws<GraphBlockedException>(() => view.WithFollowing(7, true));
            Assert.Throws<GraphBlockedException>(() => view.WithConnection(7, request));
            Assert.Same(view, view.WithFollowing(7, false));
            Assert.Same(view, view.WithConnection(7, null));
        }
    }

    [Fact]
    public void A_follow_mirrored_from_a_blocked_user_is_not_taken()
    {
        // The blocked user's follow was stored before the block reached its grain; its mirror
        // arrives after the block here, and must not stand beside it.
        var view = UserGraphState.Empty(Me).WithBlocking(7, true);

        var mirrored = view.WithEdgesFrom(7, new PeerEdges(EdgeKinds.Follows | EdgeKinds.Hides, null));

        Assert.False(mirrored.Followers.Contains(7));
        Assert.True(mirrored.HiddenBy.Contains(7));
        // A mirror that only repeats a follow the block refuses changes nothing, not even the version.
        Assert.Same(view, view.WithEdgesFrom(7, new PeerEdges(EdgeKinds.Follows, null)));
    }

    [Fact]
    public void Unblocking_restores_nothing()
    {
        var view = UserGraphState.Empty(Me).WithFollowing(7, true).WithEdgesFrom(7, new PeerEdges(EdgeKinds.Follows, null));

        var unblocked = view.WithBlocking(7, true).WithBlocking(7, false);

        Assert.False(unblocked.IsBlockedEitherWay(7));
        Assert.Equal(0, unblocked.Followings.Count + unblocked.Followers.Count);
        Assert.Equal(unblocked.Version, unblocked.WithFollowing(7, true).Version - 1);
    }

    [Fact]
    public void Blocks_survive_a_snapshot_and_a_journal_replay_and_erasure_forgets_them()
    {
        var view = UserGraphState.Empty(Me).WithBlocking(7, true).WithEdgesFrom(9, new PeerEdges(EdgeKinds.Blocks, null));

        var restored = UserGraphSnapshot.From(view, MirrorOutbox.Empty, 0).ToView(Me);
        var replayed = UserGraphState.Empty(Me).WithFacts(view.FactsAbout(7), 1).WithFacts(view.FactsAbout(9), 2);

        foreach (var copy in new[] { restored, replayed })
        {
            Assert.True(copy.Blocking.Contains(7));
            Assert.True(copy.BlockedBy.Contains(9));
        }

        Assert.Contains(9L, view.MirroredOwners);
        Assert.Equal([7L, 9L], view.MentionedUsers.Order());
        var forgotten = view.Forget(7).Forget(9);
        Assert.Equal(0, forgotten.Blocking.Count + forgotten.BlockedBy.Count);
    }

    [Fact]
    public void A_block_and_an_unblock_are_events_on_both_sides_before_what_they_ended()
    {
        var before = UserGraphState.Empty(Me).WithFollowing(7, true);
        var after = before.WithBlocking(7, true);
        var mirrorBefore = UserGraphState.Empty(7).WithEdgesFrom(Me, new PeerEdges(EdgeKinds.Follows, null));
        var mirrorAfter = mirrorBefore.WithEdgesFrom(Me, new PeerEdges(EdgeKinds.Blocks, null));

        Assert.Equal([GraphChangeKind.Blocked, GraphChangeKind.Unfollowed], GraphChanges.Between(before, after, 7).Select(c => c.Kind));
        Assert.Equal([GraphChangeKind.BlockedBy, GraphChangeKind.LostFollower], GraphChanges.Between(mirrorBefore, mirrorAfter, Me).Select(c => c.Kind));
        Assert.Equal([GraphChangeKind.Unblocked], GraphChanges.Between(after, after.WithBlocking(7, false), 7).Select(c => c.Kind));
    }

    [Fact]
    public void A_mirror_write_marks_its_peer_only_when_it_changed_what_this_user_owns()
    {
        var view = UserGraphState.Empty(Me).WithFollowing(7, true);
        var follow = GraphWrite.Mirror(7, v => v.WithEdgesFrom(7, new PeerEdges(EdgeKinds.Follows, null)));
        var block = GraphWrite.Mirror(7, v => v.WithEdgesFrom(7, new PeerEdges(EdgeKinds.Blocks, null)));

        Assert.Empty(new StoredWrite(follow, view, follow.Apply(view)).PeersToMirror);
        Assert.Equal([7L], new StoredWrite(block, view, block.Apply(view)).PeersToMirror);
        var erasure = new GraphWrite(GraphWriteKind.Erasure, [7], v => v.Forget(7));
        Assert.Empty(new StoredWrite(erasure, view, erasure.Apply(view)).PeersToMirror);
    }

    /// <summary>Whatever sequence of changes, blocks and mirrors a view goes through, no follow or connection stands beside a block.</summary>
    [Fact]
    public void No_sequence_of_changes_leaves_a_follow_or_connection_beside_a_block()
    {
        var step = Gen.Select(Gen.Int[0, 6], Gen.Long[1, 3], Gen.Int[0, 7]);
        step.Array[1, 40].Sample(steps =>
        {
            var view = UserGraphState.Empty(2);
            foreach (var (kind, peer, flags) in steps)
            {
                if (peer == 2)
                {
                    continue;
                }

                try
                {
                    view = kind switch
                    {
                        0 => view.WithFollowing(peer, true),
                        1 => view.WithFollowing(peer, false),
                        2 => view.WithBlocking(peer, true),
                        3 => view.WithBlocking(peer, false),
                        4 => view.WithHidden(peer, flags % 2 == 0),
                        5 => view.WithConnection(peer, new ConnectionRecord { RequesterId = peer, RequestId = flags + 1, Created = DateTime.UnixEpoch }),
                        _ => view.WithEdgesFrom(
                            peer,
                            new PeerEdges((EdgeKinds)flags, peer < 2 && flags % 2 == 1 ? new ConnectionRecord { RequesterId = peer, RequestId = 9, Created = DateTime.UnixEpoch, Connected = true } : null)),
                    };
                }
                catch (GraphBlockedException)
                {
                    Assert.True(view.IsBlockedEitherWay(peer));
                }
            }

            foreach (var peer in new long[] { 1, 3 })
            {
                if (view.IsBlockedEitherWay(peer))
                {
                    Assert.False(view.Followings.Contains(peer) || view.Followers.Contains(peer) || view.Connections.Get(peer) is not null);
                    Assert.Equal(ConnectionStatus.None, view.StatusToward(peer));
                }
            }
        });
    }
}
