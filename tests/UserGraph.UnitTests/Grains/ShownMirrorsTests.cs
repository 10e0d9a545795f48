using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Grains;

/// <summary><see cref="ShownMirrors"/> alone: no queue, no storage; the test says what was stored.</summary>
public class ShownMirrorsTests
{
    private const long User = 1;
    private static readonly PeerEdges Follows = new(EdgeKinds.Follows, null);

    private static GraphWrite MirrorWrite(long owner, PeerEdges edges) => GraphWrite.Mirror(owner, view => view.WithEdgesFrom(owner, edges));

    /// <summary>Readers over an empty durable view, shown user 5's follow, and the view they see.</summary>
    private static (UserGraphState Durable, ShownMirrors Readers, UserGraphState Shown) ShowingAFollowFromFive()
    {
        var durable = UserGraphState.Empty(User);
        var readers = new ShownMirrors(durable);
        Assert.True(readers.Show(5, Follows, MirrorWrite(5, Follows)));
        return (durable, readers, readers.View);
    }

    [Fact]
    public void A_shown_mirror_is_seen_until_its_write_is_stored_then_the_durable_view_is_what_readers_see()
    {
        var durable = UserGraphState.Empty(User);
        var readers = new ShownMirrors(durable);
        var write = MirrorWrite(5, Follows);

        Assert.True(readers.Show(5, Follows, write));
        Assert.True(readers.View.Followers.Contains(5));
        Assert.True(readers.Any);

        // Something else stored first: the mirror stays shown on top of it.
        var other = durable.WithFollowing(7, true);
        Assert.Same(other, readers.Rebase(other, []));
        Assert.True(readers.View.Followers.Contains(5) && readers.View.Followings.Contains(7));

        // Stored: retired, and the durable view is what readers see, at the version they saw it:
        // an ETag taken while the mirror was only shown stays valid.
        var shown = readers.View;
        var stored = write.Apply(other);
        var kept = readers.Rebase(stored, [write]);
        Assert.False(readers.Any);
        Assert.Same(kept, readers.View);
        Assert.Same(shown, kept);
        Assert.True(kept.Followers.Contains(5) && kept.Followings.Contains(7));
    }

    [Fact]
    public void A_stored_write_that_changes_nothing_readers_see_keeps_the_version_while_mirrors_stay_shown()
    {
        var (durable, readers, shown) = ShowingAFollowFromFive();

        // Another owner's truth, already held, is stored (the durable view did not move): readers
        // see what they saw, so the version stays.
        var unchanged = MirrorWrite(6, new PeerEdges(EdgeKinds.None, null));
        Assert.Same(durable, readers.Rebase(unchanged.Apply(durable), [unchanged]));
        Assert.Same(shown, readers.View);
        Assert.True(readers.Any);

        // An own follow is something readers did not see: a higher version.
        var follow = GraphWrite.Owned(7, view => view.WithFollowing(7, true));
        readers.Rebase(follow.Apply(durable), [follow]);
        Assert.True(readers.View.Version > shown.Version);
        Assert.True(readers.View.Followers.Contains(5) && readers.View.Followings.Contains(7));
    }

    [Fact]
    public void A_stored_truth_other_than_the_one_shown_is_a_new_version()
    {
        var (durable, readers, shown) = ShowingAFollowFromFive();

        // 5 hid this user after following it; the later truth is what was stored.
        var hides = new PeerEdges(EdgeKinds.Follows | EdgeKinds.Hides, null);
        var later = MirrorWrite(5, hides);
        Assert.True(readers.Show(5, hides, later));
        var shownLater = readers.View;
        Assert.True(shownLater.Version > shown.Version);

        var kept = readers.Rebase(later.Apply(durable), [later]);
        Assert.Same(shownLater, kept);

        // Stored while readers still saw the first truth (a block is not shown): a new version.
        var block = MirrorWrite(5, new PeerEdges(EdgeKinds.Blocks, null));
        Assert.False(readers.Show(5, new PeerEdges(EdgeKinds.Blocks, null), block));
        readers.Rebase(block.Apply(kept), [block]);
        Assert.True(readers.View.Version > shownLater.Version);
        Assert.True(readers.View.BlockedBy.Contains(5));
    }

    [Fact]
    public void A_block_is_never_shown_and_the_earlier_truth_of_its_owner_stays_until_the_block_is_stored()
    {
        var readers = new ShownMirrors(UserGraphState.Empty(User));
        Assert.True(readers.Show(5, Follows, MirrorWrite(5, Follows)));
        var block = MirrorWrite(5, new PeerEdges(EdgeKinds.Blocks, null));

        Assert.False(readers.Show(5, new PeerEdges(EdgeKinds.Blocks, null), block));
        Assert.True(readers.View.Followers.Contains(5));
        Assert.False(readers.View.BlockedBy.Contains(5));

        readers.Rebase(block.Apply(UserGraphState.Empty(User)), [block]);
        Assert.False(readers.Any);
        Assert.True(readers.View.BlockedBy.Contains(5));
    }

    [Fact]
    public void A_view_shown_after_another_at_the_same_version_gets_a_higher_one()
    {
        var (durable, readers, shown) = ShowingAFollowFromFive();

        // The user's own erasure, stored at the version the shown view has, with other content.
        var erasure = new GraphWrite(GraphWriteKind.Erasure, [], view => UserGraphState.Empty(User) with { Version = view.Version + 1 });
        var erased = erasure.Apply(durable);
        Assert.Equal(shown.Version, erased.Version);
        readers.Forget(new StoredWrite(erasure, durable, erased));
        var kept = readers.Rebase(erased, [erasure]);

        Assert.False(readers.View.Followers.Contains(5));
        Assert.Same(kept, readers.View);
        Assert.True(kept.Version > shown.Version);
    }
}
