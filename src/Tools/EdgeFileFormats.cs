namespace UserGraph.Tools;

/// <summary>Reads and writes rows in either <see cref="EdgeFileFormat"/>.</summary>
public static class EdgeFileFormats
{
    /// <summary>The format a file name implies: <c>.jsonl</c>/<c>.ndjson</c> is JSON Lines, anything else CSV.</summary>
    public static EdgeFileFormat FromPath(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jsonl" or ".ndjson" ? EdgeFileFormat.JsonLines : EdgeFileFormat.Csv;

    /// <returns>The reason the line is not a valid row, or <c>null</c>.</returns>
    public static string? TryParse(EdgeFileFormat format, string line, out EdgeRow row) => format == EdgeFileFormat.Csv
        ? CsvEdgeRows.TryParse(line, out row)
        : JsonLinesEdgeRows.TryParse(line, out row);

    public static string Format(EdgeFileFormat format, EdgeRow row) => format == EdgeFileFormat.Csv
        ? CsvEdgeRows.Format(row)
        : JsonLinesEdgeRows.Format(row);
}
