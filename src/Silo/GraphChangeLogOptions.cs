namespace UserGraph.Silo;

/// <summary>The durable change log's settings (<c>Graph:ChangeLog</c>).</summary>
public sealed class GraphChangeLogOptions
{
    public const string SectionName = "Graph:ChangeLog";

    /// <summary>
    /// How long changes are kept; whole days, at least one. Catch-up from an older cursor answers
    /// 410, and a webhook endpoint paused for longer resumes after a gap.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Days of partitions created ahead of today, so that writes never wait on maintenance.</summary>
    public int DaysAhead { get; set; } = 3;
}
