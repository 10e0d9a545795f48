namespace UserGraph.Grains.Interfaces;

/// <summary>
/// The position asked for is older than the change log's retention: changes after it may have
/// expired. The caller re-reads what it needs and starts again from the current position.
/// </summary>
[GenerateSerializer]
[Alias("UserGraph.GraphChangesExpiredException")]
public sealed class GraphChangesExpiredException : Exception
{
    /// <summary>Creates the exception for a read after <paramref name="position"/>.</summary>
    public GraphChangesExpiredException(long position, long expiredThrough)
        : base($"Changes up to position {expiredThrough} have expired; position {position} is older. Re-read the graph and start again from the current position.")
    {
        Position = position;
        ExpiredThrough = expiredThrough;
    }

    /// <summary>The position asked for.</summary>
    [Id(0)]
    public long Position { get; }

    /// <summary>The highest position that expired: reads must start at or after it.</summary>
    [Id(1)]
    public long ExpiredThrough { get; }
}
