namespace UserGraph.Tools;

/// <summary>
/// The reject file: one CSV line per rejected row, <c>line,reason,row</c>, the reason and the row
/// quoted. Created only when a row is rejected, so its absence means none was.
/// </summary>
public sealed class RejectFile(string path) : IDisposable
{
    public const string Header = "line,reason,row";

    private StreamWriter? _writer;

    public string Path => path;

    public long Count { get; private set; }

    public void Add(RejectedRow rejected)
    {
        if (_writer is null)
        {
            _writer = new StreamWriter(path, append: false);
            _writer.WriteLine(Header);
        }

        _writer.Write(rejected.LineNumber);
        _writer.Write(',');
        _writer.Write(Quote(rejected.Reason));
        _writer.Write(',');
        _writer.WriteLine(Quote(rejected.Text.Length <= 1000 ? rejected.Text : rejected.Text[..1000] + "…"));
        Count++;
    }

    public void Dispose() => _writer?.Dispose();

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"").ReplaceLineEndings(" ") + "\"";
}
