namespace UserGraph.Grains;

/// <summary>A user's graph as recovered from storage.</summary>
/// <param name="Sequence">The last journal entry applied (or the snapshot's).</param>
/// <param name="EntriesSinceSnapshot">How many entries were replayed on top of the snapshot.</param>
/// <param name="DeliveryPending">Whether storage still lists deliveries to peers as pending for this user.</param>
public sealed record RecoveredGraph(
    UserGraphState View,
    MirrorOutbox Outbox,
    long Sequence,
    int EntriesSinceSnapshot,
    bool DeliveryPending);
