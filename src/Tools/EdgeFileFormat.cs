namespace UserGraph.Tools;

/// <summary>The two file formats of import and export (README, "Bringing a community in").</summary>
public enum EdgeFileFormat
{
    /// <summary><c>kind,from_id,to_id[,created]</c>, an optional header line of those names.</summary>
    Csv,

    /// <summary>One JSON object per line: <c>{"kind":"follow","from_id":1,"to_id":2,"created":"..."}</c>.</summary>
    JsonLines,
}
