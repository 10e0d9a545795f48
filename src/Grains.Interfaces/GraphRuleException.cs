namespace UserGraph.Grains.Interfaces;

/// <summary>
/// A request that the graph's rules refuse, such as following oneself. Nothing was changed.
/// </summary>
/// <remarks>Not sealed: <see cref="GraphBlockedException"/> refines it, and catching this still catches both.</remarks>
[GenerateSerializer]
[Alias("UserGraph.GraphRuleException")]
public class GraphRuleException : Exception
{
    /// <summary>Creates the exception with a message fit to show to the client.</summary>
    public GraphRuleException(string message) : base(message)
    {
    }
}
