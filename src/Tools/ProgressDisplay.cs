using System.Diagnostics;

namespace UserGraph.Tools;

/// <summary>
/// Shows how far a phase got: on a terminal one line rewritten in place a few times a second,
/// otherwise (a log, a pipe) a plain line every few seconds. Rows done, rows per second and,
/// when the total is known, the time left.
/// </summary>
public sealed class ProgressDisplay(TextWriter output, bool interactive)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _shownAt;
    private string _phase = "";
    private long? _total;
    private string _unit = "rows";

    /// <summary>Progress on standard error, so that standard output can carry an export.</summary>
    public static ProgressDisplay ForConsole() =>
        new(Console.Error, !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb"));

    private TimeSpan Interval => interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);

    public void Start(string phase, long? total, string unit)
    {
        _phase = phase;
        _total = total;
        _unit = unit;
        _clock.Restart();
        _shownAt = null;
    }

    /// <summary>Safe to call from several threads (the import's writers).</summary>
    public void Report(long done)
    {
        lock (_clock)
        {
            var now = _clock.Elapsed;
            if (_shownAt is { } shown && now - shown < Interval)
            {
                return;
            }

            _shownAt = now;
            Write(Line(done, now), final: false);
        }
    }

    public void Finish(long done) => Write(Line(done, _clock.Elapsed), final: true);

    /// <summary>The line shown for <paramref name="done"/> after <paramref name="elapsed"/>.</summary>
    public string Line(long done, TimeSpan elapsed)
    {
        var perSecond = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var line = _total is { } total
            ? $"{_phase}: {done:N0} of {total:N0} {_unit}, {perSecond:N0} {_unit}/s"
            : $"{_phase}: {done:N0} {_unit}, {perSecond:N0} {_unit}/s";
        if (_total is { } all && perSecond > 0 && done < all)
        {
            line += $", about {TimeSpan.FromSeconds(Math.Ceiling((all - done) / perSecond)):c} left";
        }

        return line + $" ({elapsed.TotalSeconds:F1} s)";
    }

    private void Write(string line, bool final)
    {
        if (interactive)
        {
            // Back to the line's start, the new text, then clear what a longer earlier line left.
            output.Write("\r" + line + "\u001b[K");
            if (final)
            {
                output.WriteLine();
            }
        }
        else
        {
            output.WriteLine(line);
        }
    }
}
