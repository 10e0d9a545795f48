namespace UserGraph.Grains.Interfaces;

/// <summary>
/// A request that the graph's rules refuse, such as following oneself. Nothing was changed.
/// </summary>
[GenerateSerializer]
[Alias("UserGraph.GraphRuleException")]
public sealed class GraphRuleException : Exception
{
    /// <summary>Creates the exception with a message fit to show to the client.</summary>
    public GraphRuleException(string message) : base(message)
    {
    }
}
