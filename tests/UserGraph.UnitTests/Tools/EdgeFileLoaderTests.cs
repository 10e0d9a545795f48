using System.Text;
using CsCheck;
using UserGraph.Tools;

namespace UserGraph.UnitTests.Tools;

/// <summary>Reading a whole file in parallel chunks gives what reading it line by line gives.</summary>
public class EdgeFileLoaderTests
{
    [Fact]
    public void Blank_lines_and_one_header_are_skipped_and_lines_are_numbered_as_an_editor_does()
    {
        var (rows, rejected) = Load("\uFEFFkind,from_id,to_id\r\nfollow,1,2\n\n  \t\nkind,from_id,to_id\nfollow,x,2\nhide,2,1", EdgeFileFormat.Csv, 5);

        Assert.Equal(["2: follow,1,2", "7: hide,2,1"], rows);
        Assert.Equal(["5: kind,from_id,to_id", "6: follow,x,2"], rejected);
    }

    [Fact]
    public void Any_file_cut_into_any_chunks_reads_as_the_line_by_line_reference()
    {
        var line = Gen.OneOf(
            Gen.Select(Pick("follow", "hide", "block", "connection", "connection_request", "Follow", ""), Gen.Long[0, 30], Gen.Long[0, 30])
                .Select(t => $"{t.Item1},{t.Item2},{t.Item3}"),
            Gen.Select(Gen.Long[1, 30], Gen.Long[1, 30]).Select(t => $"connection,{t.Item1},{t.Item2},2024-01-01T00:00:00Z"),
            Gen.Select(Gen.Long[1, 30], Gen.Long[1, 30]).Select(t => $"follow, {t.Item1},\"{t.Item2}\""),
            Gen.Const("kind,from_id,to_id"), Gen.Const(""), Gen.Const("  "), Gen.Const("follow,99999999999999999999,1"),
            Gen.String[0, 12]);
        Gen.Select(line.Array[0, 60], Pick("\n", "\r\n"), Gen.Bool, Gen.Int[1, 64])
            .Sample((lines, newLine, trailing, chunkBytes) =>
            {
                var text = string.Join(newLine, lines) + (trailing ? newLine : "");
                AssertSame(Reference(text, EdgeFileFormat.Csv), Load(text, EdgeFileFormat.Csv, chunkBytes));
            });
    }

    [Fact]
    public void Json_lines_read_in_chunks_as_line_by_line()
    {
        var rows = Gen.Select(Gen.Long[1, 9], Gen.Long[1, 9]).Select(t => $$"""{"kind":"follow","from_id":{{t.Item1}},"to_id":{{t.Item2}}}""");
        Gen.Select(Gen.OneOf(rows, Gen.String[0, 8]).Array[0, 40], Gen.Int[1, 100]).Sample((lines, chunkBytes) =>
        {
            var text = string.Join('\n', lines);
            AssertSame(Reference(text, EdgeFileFormat.JsonLines), Load(text, EdgeFileFormat.JsonLines, chunkBytes));
        });
    }

    private static void AssertSame((List<string> Rows, List<string> Rejected) expected, (List<string> Rows, List<string> Rejected) actual)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Rejected, actual.Rejected);
    }

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static (List<string> Rows, List<string> Rejected) Load(string text, EdgeFileFormat format, int chunkBytes)
    {
        var rows = new List<string>();
        var rejected = new List<string>();
        EdgeFileLoader.Load(
            new MemoryStream(Encoding.UTF8.GetBytes(text)),
            format,
            (line, row) =>
            {
                rows.Add($"{line}: {CsvEdgeRows.Format(row)}");
                return null;
            },
            r => rejected.Add($"{r.LineNumber}: {r.Text}"),
            chunkBytes: chunkBytes);
        return (rows, rejected);
    }

    /// <summary>The documented rules, one line at a time: lines end at \n (a \r before it is dropped), blank means spaces and tabs only, a header may open the file.</summary>
    private static (List<string> Rows, List<string> Rejected) Reference(string text, EdgeFileFormat format)
    {
        var rows = new List<string>();
        var rejected = new List<string>();
        var lines = text.Split('\n');
        if (text.EndsWith('\n'))
        {
            lines = lines[..^1];
        }

        var first = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].EndsWith('\r') ? lines[i][..^1] : lines[i];
            if (line.Trim(' ', '\t').Length == 0)
            {
                continue;
            }

            if (first && format == EdgeFileFormat.Csv && CsvEdgeRows.IsHeader(line))
            {
                first = false;
                continue;
            }

            first = false;
            if (EdgeFileFormats.TryParse(format, line, out var row) is null)
            {
                rows.Add($"{i + 1}: {CsvEdgeRows.Format(row)}");
            }
            else
            {
                rejected.Add($"{i + 1}: {line}");
            }
        }

        return (rows, rejected);
    }
}
