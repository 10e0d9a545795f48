using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace UserGraph.Tools;

/// <summary>
/// Reads an import file on every core, into <see cref="ImportGraph.Add"/> say: the file is cut into
/// chunks at line ends, chunks are parsed in parallel, and their rows are added in file order, so
/// line numbers and the graph are those of a line-by-line read. Bad rows go to the reject callback.
/// </summary>
/// <remarks>
/// Lines end with <c>\n</c> or <c>\r\n</c>. The plain CSV row (<c>follow,12,34</c>: a kind, two ids,
/// nothing else) is read straight from the bytes; any other line is decoded and read by
/// <see cref="EdgeFileFormats.TryParse"/>, which holds the rules, so both paths accept the same rows.
/// </remarks>
public static class EdgeFileLoader
{
    public const int DefaultChunkBytes = 4 << 20;

    /// <param name="add">Takes each valid row with its line number, in file order; may refuse it.</param>
    /// <returns>A hash of the file's bytes, which names it across runs (resumption).</returns>
    public static string Load(
        Stream input, EdgeFileFormat format, Func<long, EdgeRow, RejectedRow?> add, Action<RejectedRow> reject, Action<long>? rowsRead = null,
        int chunkBytes = DefaultChunkBytes)
    {
        var hash = new XxHash128();
        var pending = new Queue<Task<ParsedChunk>>();
        long lineOffset = 0, rows = 0;
        var index = 0;
        var contentSeen = false;

        void MergeOldest()
        {
            var chunk = pending.Dequeue().GetAwaiter().GetResult();
            // A header is a header only as the file's first line that is not blank.
            if (chunk.LeadingHeader is { } header && contentSeen)
            {
                reject(header with { LineNumber = lineOffset + header.LineNumber });
            }

            contentSeen |= chunk.HasContent;
            for (var i = 0; i < chunk.Count; i++)
            {
                if (add(lineOffset + chunk.Lines[i], chunk.Rows[i]) is { } refused)
                {
                    reject(refused);
                }
            }

            // Chunks come and go by the hundred in a large file: their arrays are reused, not
            // allocated (and faulted into memory) again every time.
            ArrayPool<EdgeRow>.Shared.Return(chunk.Rows);
            ArrayPool<long>.Shared.Return(chunk.Lines);

            foreach (var rejected in chunk.Rejects)
            {
                reject(rejected with { LineNumber = lineOffset + rejected.LineNumber });
            }

            lineOffset += chunk.LineCount;
            rows += chunk.Count;
            rowsRead?.Invoke(rows);
        }

        var carry = Array.Empty<byte>();
        var atEnd = false;
        while (!atEnd)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(chunkBytes, carry.Length * 2));
            carry.CopyTo(buffer, 0);
            var filled = carry.Length;
            while (filled < buffer.Length)
            {
                var read = input.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    atEnd = true;
                    break;
                }

                hash.Append(buffer.AsSpan(filled, read));
                filled += read;
            }

            int end;
            if (atEnd)
            {
                end = filled;
                carry = [];
            }
            else
            {
                var lastNewLine = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n');
                if (lastNewLine < 0)
                {
                    carry = buffer[..filled]; // a line longer than a chunk: read on
                    ArrayPool<byte>.Shared.Return(buffer);
                    continue;
                }

                end = lastNewLine + 1;
                carry = buffer[end..filled];
            }

            if (end == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                continue;
            }

            var first = index++ == 0;
            var length = end;
            pending.Enqueue(Task.Run(() => Parse(buffer, length, format, first)));
            // Two chunks parsing per core at most: memory stays a few chunks whatever the file's size.
            if (pending.Count >= 2 * Environment.ProcessorCount)
            {
                MergeOldest();
            }
        }

        while (pending.Count > 0)
        {
            MergeOldest();
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private static ParsedChunk Parse(byte[] buffer, int length, EdgeFileFormat format, bool firstChunk)
    {
        try
        {
            return ParseLines(buffer, length, format, firstChunk);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ParsedChunk ParseLines(byte[] buffer, int length, EdgeFileFormat format, bool firstChunk)
    {
        // A row takes at least six bytes ("hide,1,2" less its line end is more): room for every row.
        var rows = ArrayPool<EdgeRow>.Shared.Rent(length / 6 + 1);
        var lines = ArrayPool<long>.Shared.Rent(length / 6 + 1);
        var count = 0;
        var rejects = new List<RejectedRow>();
        RejectedRow? leadingHeader = null;
        var text = buffer.AsSpan(0, length);
        if (firstChunk && text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        long lineNumber = 0;
        var firstLine = true;
        while (!text.IsEmpty)
        {
            var newLine = text.IndexOf((byte)'\n');
            var line = newLine < 0 ? text : text[..newLine];
            text = newLine < 0 ? [] : text[(newLine + 1)..];
            lineNumber++;
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (line.IsEmpty || line.IndexOfAnyExcept(" \t"u8) < 0)
            {
                continue;
            }

            if (format == EdgeFileFormat.Csv && PlainCsvRow(line) is { } plain)
            {
                firstLine = false;
                (rows[count], lines[count]) = (plain, lineNumber);
                count++;
                continue;
            }

            var decoded = Encoding.UTF8.GetString(line);
            if (EdgeFileFormats.TryParse(format, decoded, out var row) is { } reason)
            {
                // Whether this chunk's first line may be the header depends on the chunks before it.
                if (firstLine && format == EdgeFileFormat.Csv && CsvEdgeRows.IsHeader(decoded))
                {
                    leadingHeader = new RejectedRow(lineNumber, reason, decoded);
                }
                else
                {
                    rejects.Add(new RejectedRow(lineNumber, reason, decoded));
                }
            }
            else
            {
                (rows[count], lines[count]) = (row, lineNumber);
                count++;
            }

            firstLine = false;
        }

        // A chunk ends with a line end (or is the file's last), so its lines are what it counted;
        // one that ends without one counted its last line all the same.
        return new ParsedChunk(rows, lines, count, rejects, leadingHeader, !firstLine, lineNumber);
    }

    /// <summary><c>kind,digits,digits</c> for follow, hide or block, two different ids: the row almost every file is made of.</summary>
    private static EdgeRow? PlainCsvRow(ReadOnlySpan<byte> line)
    {
        var comma = line.IndexOf((byte)',');
        if (comma < 0)
        {
            return null;
        }

        EdgeKind kind;
        var name = line[..comma];
        if (name.SequenceEqual("follow"u8))
        {
            kind = EdgeKind.Follow;
        }
        else if (name.SequenceEqual("hide"u8))
        {
            kind = EdgeKind.Hide;
        }
        else if (name.SequenceEqual("block"u8))
        {
            kind = EdgeKind.Block;
        }
        else
        {
            return null;
        }

        var rest = line[(comma + 1)..];
        comma = rest.IndexOf((byte)',');
        if (comma < 0 || !Digits(rest[..comma], out var from) || !Digits(rest[(comma + 1)..], out var to) || from == to)
        {
            return null;
        }

        return new EdgeRow(kind, from, to);
    }

    // Up to 18 digits cannot overflow; longer ids take the general path.
    private static bool Digits(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return value > 0;
    }

    /// <param name="LeadingHeader">The chunk's first line that is not blank when it is a header, as a reject should it not open the file.</param>
    /// <param name="HasContent">Whether any line of the chunk is not blank.</param>
    /// <param name="Rows">The valid rows, <paramref name="Count"/> of them, with their line numbers in <paramref name="Lines"/> (pooled arrays).</param>
    /// <param name="LineCount">How many lines the chunk holds.</param>
    private sealed record ParsedChunk(
        EdgeRow[] Rows, long[] Lines, int Count, List<RejectedRow> Rejects, RejectedRow? LeadingHeader, bool HasContent, long LineCount);
}
