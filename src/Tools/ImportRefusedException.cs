namespace UserGraph.Tools;

/// <summary>The import did not start, and changed nothing, for the reason given.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);
