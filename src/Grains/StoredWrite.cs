namespace UserGraph.Grains;

/// <summary>A queued write once it is durable: the view just before it and just after it.</summary>
public sealed record StoredWrite(GraphWrite Write, UserGraphView Before, UserGraphView After)
{
    public bool Changed => !ReferenceEquals(Before, After);
}
