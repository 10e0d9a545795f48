using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace UserGraph.Silo;

/// <summary>
/// What the journal costs a write, scraped at <c>/metrics</c>: how long an entry waits until it is
/// committed (a follow waits for two, its own and the other user's mirror), how long one
/// statement takes, and how many entries a statement carries (the group commit at work).
/// </summary>
/// <remarks>
/// A write's latency is the request duration minus these; telling the two apart is what an
/// operator needs when writes slow down: waiting for a free writer (appends far above
/// statements), a slow database (statements high), or neither (the silo's own queues).
/// </remarks>
public sealed class GraphJournalMetrics
{
    public const string MeterName = "UserGraph.Journal";

    private readonly Histogram<double> _append;
    private readonly Histogram<double> _statement;
    private readonly Histogram<int> _entries;

    public GraphJournalMetrics(Meter meter)
    {
        var seconds = new InstrumentAdvice<double> { HistogramBucketBoundaries = Observability.LatencyBoundaries };
        _append = meter.CreateHistogram(
            "usergraph.journal.append.duration", "s",
            "From an entry handed to the journal until it is committed or has failed: waiting for a writer, then its statement.",
            advice: seconds);
        _statement = meter.CreateHistogram(
            "usergraph.journal.statement.duration", "s",
            "One statement of appended entries, from sending it until its commit is acknowledged.",
            advice: seconds);
        _entries = meter.CreateHistogram(
            "usergraph.journal.statement.entries", "{entry}",
            "Entries one statement carries.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
    }

    public void AppendCompleted(long startedAt) => _append.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);

    public void StatementCompleted(long startedAt, int entries)
    {
        _statement.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
        _entries.Record(entries);
    }
}
