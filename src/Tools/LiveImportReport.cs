namespace UserGraph.Tools;

/// <summary>What a live import did.</summary>
/// <param name="Rows">Rows sent to the service by this run (after the checkpoint when resumed).</param>
/// <param name="Applied">Of those, rows the service accepted (already true counts as accepted).</param>
/// <param name="Rejected">Rows not imported: bad rows of the file and rows the service refused.</param>
public sealed record LiveImportReport(long Rows, long Applied, long Rejected, bool Resumed)
{
    public ImportOutcome Outcome => Rejected > 0 ? ImportOutcome.DoneWithRejects : ImportOutcome.Done;
}
