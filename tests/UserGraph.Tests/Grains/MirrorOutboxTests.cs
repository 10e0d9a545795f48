using UserGraph.Grains;

namespace UserGraph.Tests.Grains;

public class MirrorOutboxTests
{
    [Fact]
    public void An_acknowledgement_removes_the_peer_delivered_at_its_latest_version()
    {
        var outbox = MirrorOutbox.Empty.Mark(7, version: 3).Mark(8, version: 4);

        var acknowledged = outbox.Acknowledge(7, deliveredVersion: 3);

        Assert.Equal([8L], acknowledged.Pending.Select(p => p.Key));
        Assert.Equal(2, outbox.Count);
    }

    [Fact]
    public void A_peer_marked_again_during_delivery_stays_pending()
    {
        var delivering = MirrorOutbox.Empty.Mark(7, version: 3);
        var remarked = delivering.Mark(7, version: 5);

        Assert.Same(remarked, remarked.Acknowledge(7, deliveredVersion: 3));
        Assert.True(remarked.Acknowledge(7, deliveredVersion: 5).IsEmpty);
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
