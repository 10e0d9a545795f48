namespace UserGraph.Tools;

/// <summary>A directed pair of users as an import file gave it, and the line it came from; sorts by from, then to.</summary>
public readonly record struct Edge(long From, long To, long Line) : IComparable<Edge>
{
    public int CompareTo(Edge other)
    {
        var byFrom = From.CompareTo(other.From);
        return byFrom != 0 ? byFrom : To.CompareTo(other.To);
    }
}
