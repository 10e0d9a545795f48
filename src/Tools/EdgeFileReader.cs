using System.IO.Hashing;

namespace UserGraph.Tools;

/// <summary>Reads an import file: its valid rows with their line numbers, its bad rows into a <see cref="RejectFile"/>.</summary>
public static class EdgeFileReader
{
    /// <summary>Blank lines and a CSV header on the first non-blank line are not rows.</summary>
    public static IEnumerable<(long LineNumber, EdgeRow Row)> Read(TextReader input, EdgeFileFormat format, Action<RejectedRow> reject)
    {
        long lineNumber = 0;
        var first = true;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (first && format == EdgeFileFormat.Csv && CsvEdgeRows.IsHeader(line))
            {
                first = false;
                continue;
            }

            first = false;
            if (EdgeFileFormats.TryParse(format, line, out var row) is { } reason)
            {
                reject(new RejectedRow(lineNumber, reason, line));
                continue;
            }

            yield return (lineNumber, row);
        }
    }

    /// <summary>What names this input across runs, to resume it: a hash of its bytes.</summary>
    public static async Task<string> FingerprintAsync(string path)
    {
        var hash = new XxHash128();
        await using var stream = File.OpenRead(path);
        await hash.AppendAsync(stream);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
