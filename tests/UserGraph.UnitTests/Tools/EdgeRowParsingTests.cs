using CsCheck;
using UserGraph.Tools;

namespace UserGraph.UnitTests.Tools;

/// <summary>The row formats of import and export files: what a valid row is, and why a bad one is bad.</summary>
public class EdgeRowParsingTests
{
    private static readonly Gen<EdgeRow> ValidRows =
        Gen.Select(
            Gen.Enum<EdgeKind>(),
            Gen.Long[1, long.MaxValue],
            Gen.Long[1, long.MaxValue],
            Gen.Long[DateTime.UnixEpoch.Ticks, new DateTime(2100, 1, 1).Ticks].Nullable())
        .Where(t => t.Item2 != t.Item3)
        .Select(t => new EdgeRow(t.Item1, t.Item2, t.Item3, t.Item4 is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : null));

    [Theory]
    [InlineData("follow,1,2", EdgeKind.Follow, 1, 2, null)]
    [InlineData(" hide , 10 , 20 ", EdgeKind.Hide, 10, 20, null)]
    [InlineData("\"block\",\"3\",\"4\"", EdgeKind.Block, 3, 4, null)]
    [InlineData("connection,5,6,2024-01-02T03:04:05Z", EdgeKind.Connection, 5, 6, "2024-01-02T03:04:05.0000000Z")]
    [InlineData("connection_request,6,5,2024-01-02T05:04:05+02:00", EdgeKind.ConnectionRequest, 6, 5, "2024-01-02T03:04:05.0000000Z")]
    [InlineData("follow,1,2,2024-01-02", EdgeKind.Follow, 1, 2, "2024-01-02T00:00:00.0000000Z")]
    [InlineData("follow,1,2,", EdgeKind.Follow, 1, 2, null)]
    [InlineData("follow,9223372036854775807,1", EdgeKind.Follow, long.MaxValue, 1, null)]
    public void Csv_reads_valid_rows(string line, EdgeKind kind, long from, long to, string? created)
    {
        Assert.Null(CsvEdgeRows.TryParse(line, out var row));
        Assert.Equal(new EdgeRow(kind, from, to, created is null ? null : DateTime.Parse(created).ToUniversalTime()), row);
    }

    [Theory]
    [InlineData("follow,1", "expected 3 or 4")]
    [InlineData("follow,1,2,2024-01-01,extra", "expected 3 or 4")]
    [InlineData("follow;1;2", "expected 3 or 4")]
    [InlineData("Follow,1,2", "unknown kind 'Follow'")]
    [InlineData("unfollow,1,2", "unknown kind")]
    [InlineData(",1,2", "unknown kind ''")]
    [InlineData("follow,0,2", "from_id '0'")]
    [InlineData("follow,-1,2", "from_id '-1'")]
    [InlineData("follow,1.5,2", "from_id '1.5'")]
    [InlineData("follow,1e3,2", "from_id '1e3'")]
    [InlineData("follow,9223372036854775808,2", "from_id")]
    [InlineData("follow,1,abc", "to_id 'abc'")]
    [InlineData("follow,1,", "to_id ''")]
    [InlineData("follow,1,1", "the same user")]
    [InlineData("follow,1,2,yesterday", "created 'yesterday'")]
    [InlineData("follow,1,2,03/04/2020", "created")]
    [InlineData("follow,1,2,2024-13-01", "created")]
    [InlineData("follow,１,2", "from_id")]
    public void Csv_rejects_bad_rows_with_the_reason(string line, string reason)
    {
        Assert.Contains(reason, CsvEdgeRows.TryParse(line, out _));
    }

    [Fact]
    public void A_long_bad_field_is_shortened_in_the_reason()
    {
        var reason = CsvEdgeRows.TryParse("follow," + new string('9', 100_000) + ",2", out _);
        Assert.NotNull(reason);
        Assert.True(reason.Length < 200, reason);
    }

    [Theory]
    [InlineData("""{"kind":"follow","from_id":1,"to_id":2}""", EdgeKind.Follow, 1, 2)]
    [InlineData("""{"to_id":"2","from_id":"1","kind":"hide","note":{"a":[1,2]}}""", EdgeKind.Hide, 1, 2)]
    [InlineData("""  {"kind":"block","from_id":3,"to_id":4,"created":null}  """, EdgeKind.Block, 3, 4)]
    public void Json_lines_reads_valid_rows(string line, EdgeKind kind, long from, long to)
    {
        Assert.Null(JsonLinesEdgeRows.TryParse(line, out var row));
        Assert.Equal(new EdgeRow(kind, from, to), row);
    }

    [Theory]
    [InlineData("""{"kind":"follow","from_id":1}""", "missing")]
    [InlineData("""{"kind":"follow","from_id":1,"to_id":2""", "not valid JSON")]
    [InlineData("""[1,2]""", "not a JSON object")]
    [InlineData("""{"kind":"follow","from_id":1,"to_id":2} {}""", "not")]
    [InlineData("""{"kind":"follow","from_id":"\ud800","to_id":2}""", "not valid JSON")]
    [InlineData("""{"kind":"follow","from_id":1.0,"to_id":2}""", "from_id '1.0'")]
    [InlineData("""{"kind":"follow","from_id":true,"to_id":2}""", "from_id ''")]
    [InlineData("""{"kind":"follow","from_id":[1],"to_id":2}""", "from_id ''")]
    [InlineData("""{"kind":"follow","from_id":1,"to_id":1}""", "the same user")]
    [InlineData("""{"kind":"friend","from_id":1,"to_id":2}""", "unknown kind")]
    [InlineData("""{"kind":"follow","from_id":1,"to_id":2,"created":"soon"}""", "created 'soon'")]
    [InlineData("follow,1,2", "not valid JSON")]
    public void Json_lines_rejects_bad_rows_with_the_reason(string line, string reason)
    {
        Assert.Contains(reason, JsonLinesEdgeRows.TryParse(line, out _));
    }

    [Fact]
    public void Every_valid_row_written_in_either_format_reads_back_the_same()
    {
        ValidRows.Sample(row =>
        {
            Assert.Null(CsvEdgeRows.TryParse(CsvEdgeRows.Format(row), out var fromCsv));
            Assert.Equal(row, fromCsv);
            Assert.Null(JsonLinesEdgeRows.TryParse(JsonLinesEdgeRows.Format(row), out var fromJson));
            Assert.Equal(row, fromJson);
        });
    }

    [Fact]
    public void Any_text_is_either_a_valid_row_or_a_reason_and_never_an_exception()
    {
        var pieces = Gen.OneOf(
            Gen.String,
            Gen.Const("follow"), Gen.Const("connection_request"), Gen.Const(","), Gen.Const("\""), Gen.Const("{"), Gen.Const("}"),
            Gen.Const("\"kind\":"), Gen.Const("\\ud800"), Gen.Const("9223372036854775808"), Gen.Long.Select(l => l.ToString()));
        pieces.Array[0, 12].Select(string.Concat).Sample(text =>
        {
            foreach (var format in new[] { EdgeFileFormat.Csv, EdgeFileFormat.JsonLines })
            {
                var reason = EdgeFileFormats.TryParse(format, text, out var row);
                if (reason is null)
                {
                    Assert.True(row.From > 0 && row.To > 0 && row.From != row.To);
                    Assert.True(Enum.IsDefined(row.Kind));
                }
                else
                {
                    Assert.False(string.IsNullOrWhiteSpace(reason));
                }
            }
        }, iter: 20_000);
    }
}
