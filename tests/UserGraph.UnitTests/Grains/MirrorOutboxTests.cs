using UserGraph.Grains;

namespace UserGraph.UnitTests.Grains;

public class MirrorOutboxTests
{
    [Fact]
    public void A_peer_marked_again_keeps_only_its_latest_version()
    {
        var outbox = MirrorOutbox.Empty.Mark(7, version: 3).Mark(8, version: 4).Mark(7, version: 5);

        Assert.Equal([(7L, 5L), (8L, 4L)], outbox.Pending.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
        Assert.True(MirrorOutbox.Empty.IsEmpty);
    }

    [Fact]
    public void Built_from_no_marks_it_is_the_empty_outbox()
    {
        Assert.Same(MirrorOutbox.Empty, MirrorOutbox.From([]));
        Assert.False(MirrorOutbox.From([KeyValuePair.Create(7L, 3L)]).IsEmpty);
    }

    [Fact]
    public void Storage_round_trip_keeps_the_marks()
    {
        var outbox = MirrorOutbox.Empty.Mark(1, 10).Mark(2, 11);

        var restored = MirrorOutbox.FromStorage(outbox.ToStorage());

        Assert.Equal(outbox.Pending.OrderBy(p => p.Key), restored.Pending.OrderBy(p => p.Key));
        Assert.Same(MirrorOutbox.Empty, MirrorOutbox.FromStorage(null));
    }
}
