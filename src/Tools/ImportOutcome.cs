namespace UserGraph.Tools;

/// <summary>The process exit codes of the tool, as README lists them.</summary>
public enum ImportOutcome
{
    /// <summary>Every row imported (or exported).</summary>
    Done = 0,

    /// <summary>Done, but some rows were rejected: see the reject file.</summary>
    DoneWithRejects = 1,

    /// <summary>The command line was wrong.</summary>
    Usage = 2,

    /// <summary>Refused before changing anything: silos running, another import, the wrong mode.</summary>
    Refused = 3,
}
