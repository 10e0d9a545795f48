namespace UserGraph.Tools;

/// <summary>What an import did.</summary>
/// <param name="UsersWritten">Users whose stored graph was created or changed by this run.</param>
/// <param name="Resumed">Whether the run continued an earlier one that stopped part way.</param>
/// <param name="AlreadyImported">Whether the file had been imported to the end before, so nothing was done.</param>
public sealed record ImportReport(long Rows, long Rejected, long UsersWritten, bool Resumed, bool AlreadyImported)
{
    public ImportOutcome Outcome => Rejected > 0 ? ImportOutcome.DoneWithRejects : ImportOutcome.Done;
}
