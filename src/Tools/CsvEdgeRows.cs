namespace UserGraph.Tools;

/// <summary>The CSV format: <c>kind,from_id,to_id[,created]</c>; fields may be double-quoted and padded with spaces.</summary>
public static class CsvEdgeRows
{
    public const string Header = "kind,from_id,to_id,created";

    /// <summary>Whether the line is the optional header (with or without <c>created</c>).</summary>
    public static bool IsHeader(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        return line.SequenceEqual(Header) || line.SequenceEqual("kind,from_id,to_id");
    }

    /// <returns>The reason the line is not a valid row, or <c>null</c>.</returns>
    public static string? TryParse(ReadOnlySpan<char> line, out EdgeRow row)
    {
        row = default;
        Span<Range> fields = stackalloc Range[5];
        var count = line.Split(fields, ',');
        if (count is < 3 or > 4)
        {
            return $"expected 3 or 4 comma-separated fields (kind,from_id,to_id[,created]), found {(count > 4 ? "more than 4" : count)}";
        }

        return EdgeRowRules.TryBuild(
            Field(line[fields[0]]), Field(line[fields[1]]), Field(line[fields[2]]), count == 4 ? Field(line[fields[3]]) : [], out row);
    }

    public static string Format(EdgeRow row) =>
        row.Created is { } created
            ? $"{EdgeKindNames.Name(row.Kind)},{row.From},{row.To},{CreatedTime.Format(created)}"
            : $"{EdgeKindNames.Name(row.Kind)},{row.From},{row.To}";

    private static ReadOnlySpan<char> Field(ReadOnlySpan<char> field)
    {
        field = field.Trim();
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1] : field;
    }
}
