namespace UserGraph.Grains;

/// <summary>
/// A place in the change log's dispatch order: the writing transaction's id, then the position.
/// Within one user this is the order the changes were stored in.
/// </summary>
[GenerateSerializer]
[Alias("UserGraph.DispatchCursor")]
public readonly record struct DispatchCursor([property: Id(0)] ulong Transaction, [property: Id(1)] long Position);
