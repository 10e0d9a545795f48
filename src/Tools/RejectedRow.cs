namespace UserGraph.Tools;

/// <summary>A row that was not imported: where it is in the input, and why.</summary>
public readonly record struct RejectedRow(long LineNumber, string Reason, string Text);
