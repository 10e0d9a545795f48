namespace UserGraph.Grains;

/// <summary>A dispatcher's stored place: every change before <see cref="Cursor"/> is delivered or dead-lettered.</summary>
/// <param name="FailingSince">When the deliveries now being retried first failed; survives a move to another silo.</param>
public sealed record WebhookPartitionState(DispatchCursor Cursor, DateTimeOffset? FailingSince);
