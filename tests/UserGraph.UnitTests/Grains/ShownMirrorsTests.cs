using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Grains;

/// <summary><see cref="ShownMirrors"/> alone: no queue, no storage; the test says what was stored.</summary>
public class ShownMirrorsTests
{
    private const long User = 1;
    private static readonly PeerEdges Follows = new(EdgeKinds.Follows, null);

    private static GraphWrite MirrorWrite(long owner, PeerEdges edges) => GraphWrite.Mirror(owner, view => view.WithEdgesFrom(owner, edges));

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

        // Stored: retired, and the durable view is shown, above every version shown before.
        var shownVersion = readers.View.Version;
        var stored = write.Apply(other);
        var kept = readers.Rebase(stored, [write]);
        Assert.False(readers.Any);
        Assert.Same(kept, readers.View);
        Assert.True(kept.Version > shownVersion);
        Assert.True(kept.Followers.Contains(5));
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
        var durable = UserGraphState.Empty(User);
        var readers = new ShownMirrors(durable);
        readers.Show(5, Follows, MirrorWrite(5, Follows));
        var shown = readers.View;

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
