namespace UserGraph.Tools;

/// <summary>
/// How far a live import of a file got, in a file beside it (<c>FILE.progress</c>): every row up
/// to a line is applied. Kept only while the input is unchanged (same length and time written).
/// </summary>
public sealed class LiveImportCheckpoint(string inputPath)
{
    private readonly string _path = inputPath + ".progress";

    /// <summary>The last line up to which every row is applied; 0 for none.</summary>
    public long Load()
    {
        if (!File.Exists(_path) || File.ReadAllText(_path).Split(' ') is not [var stamp, var line] || stamp != Stamp())
        {
            return 0;
        }

        return long.TryParse(line, out var through) ? through : 0;
    }

    public void Save(long appliedThrough)
    {
        // Written whole then renamed, so a crash leaves the old checkpoint or the new one.
        File.WriteAllText(_path + ".tmp", $"{Stamp()} {appliedThrough}");
        File.Move(_path + ".tmp", _path, overwrite: true);
    }

    public void Delete() => File.Delete(_path);

    private string Stamp()
    {
        var input = new FileInfo(inputPath);
        return $"{input.Length}:{input.LastWriteTimeUtc.Ticks}";
    }
}
