namespace UserGraph.Grains.Interfaces;

/// <summary>
/// A follow or connection request refused because one of the two users blocks the other.
/// Nothing was changed. A <see cref="GraphRuleException"/>, so callers of earlier releases
/// that catch that still handle it.
/// </summary>
[GenerateSerializer]
[Alias("UserGraph.GraphBlockedException")]
public sealed class GraphBlockedException : GraphRuleException
{
    /// <summary>Creates the exception with a message fit to show to the client.</summary>
    public GraphBlockedException(string message) : base(message)
    {
    }
}
