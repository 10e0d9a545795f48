namespace UserGraph.Gateway;

/// <summary><c>{"relationships": [...]}</c>, one item per requested id in request order.</summary>
public sealed record RelationshipsAnswer(
    [property: JsonPropertyName("relationships")] IReadOnlyList<RelationshipItem> Relationships);
