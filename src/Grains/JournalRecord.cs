namespace UserGraph.Grains;

/// <summary>A journal entry as stored: its sequence number and whether peers still await delivery of it.</summary>
public sealed record JournalRecord(long Sequence, bool DeliveryPending, GraphJournalEntry Entry);
