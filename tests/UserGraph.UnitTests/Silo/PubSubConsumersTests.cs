using UserGraph.Silo;

namespace UserGraph.UnitTests.Silo;

/// <summary>How the change-stream storage reads Orleans' pub-sub state for consumers.</summary>
public class PubSubConsumersTests
{
    private sealed class StateWithConsumers
    {
        public HashSet<string> Producers { get; set; } = [];

        public HashSet<string> Consumers { get; set; } = [];
    }

    private sealed class StateOfAnotherShape
    {
        public int Count { get; set; }
    }

    [Fact]
    public void A_state_lists_consumers_only_when_its_consumer_set_is_not_empty()
    {
        var state = new StateWithConsumers { Producers = ["agent"] };
        Assert.False(ChangeStreamSubscriberStorage.HasConsumers(state));
        state.Consumers.Add("subscription");
        Assert.True(ChangeStreamSubscriberStorage.HasConsumers(state));
        Assert.False(ChangeStreamSubscriberStorage.HasConsumers(null));
    }

    [Fact]
    public void A_state_whose_shape_is_unknown_counts_as_subscribed() =>
        Assert.True(ChangeStreamSubscriberStorage.HasConsumers(new StateOfAnotherShape()));
}
