namespace UserGraph.Grains;

/// <summary>
/// The connection between two users: a pending request (who asked, when, whether the receiver
/// rejected or saw it) or an established connection. No record means no relationship.
/// </summary>
[GenerateSerializer]
[Alias("UserGraph.ConnectionRecord")]
public sealed record ConnectionRecord
{
    /// <summary>Who asked; kept after acceptance.</summary>
    [Id(0)]
    public required long RequesterId { get; init; }

    [Id(1)]
    public required long RequestId { get; init; }

    [Id(2)]
    public bool Connected { get; init; }

    [Id(3)]
    public required DateTime Created { get; init; }

    [Id(4)]
    public DateTime? Rejected { get; init; }

    [Id(5)]
    public DateTime? Viewed { get; init; }
}
