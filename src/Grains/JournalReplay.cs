namespace UserGraph.Grains;

/// <summary>Rebuilds a user's graph from its snapshot and the journal entries written after it.</summary>
public static class JournalReplay
{
    /// <exception cref="InvalidDataException">The entries do not follow the snapshot without a gap.</exception>
    public static RecoveredGraph Recover(long ownerId, UserGraphSnapshot snapshot, IReadOnlyList<JournalRecord> records)
    {
        var view = snapshot.ToView(ownerId);
        var outbox = snapshot.ToOutbox();
        var sequence = snapshot.JournalSequence;
        var deliveryPending = !outbox.IsEmpty;
        foreach (var record in records)
        {
            if (record.Sequence != sequence + 1)
            {
                throw new InvalidDataException(
                    $"Journal of user {ownerId} jumps from entry {sequence} to {record.Sequence}.");
            }

            sequence = record.Sequence;
            var entry = record.Entry;
            foreach (var facts in entry.Peers)
            {
                view = view.WithFacts(facts, entry.Version);
            }

            if (record.DeliveryPending)
            {
                foreach (var peer in entry.PeersToMirror)
                {
                    outbox = outbox.Mark(peer, entry.Version);
                }
            }

            view = view with { Version = Math.Max(view.Version, entry.Version) };
            deliveryPending |= record.DeliveryPending;
        }

        return new RecoveredGraph(view, outbox, sequence, records.Count, deliveryPending);
    }
}
