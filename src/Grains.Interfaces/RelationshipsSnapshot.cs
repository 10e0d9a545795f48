namespace UserGraph.Grains.Interfaces;

/// <summary>Relationships of one user toward others, from one consistent view of that user's graph.</summary>
/// <param name="GraphVersion">The user's graph version, as in <see cref="StatusesSnapshot"/>.</param>
/// <param name="Relationships">One per requested id, in request order.</param>
[GenerateSerializer]
[Immutable]
[Alias("UserGraph.RelationshipsSnapshot")]
public sealed record RelationshipsSnapshot(
    [property: Id(0)] long GraphVersion,
    [property: Id(1)] Relationship[] Relationships);
