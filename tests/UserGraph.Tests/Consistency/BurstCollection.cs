namespace UserGraph.Tests.Consistency;

/// <summary>
/// The tests that fire hundreds of writes at once run alone, after the others: on CI's two cores
/// two such bursts side by side measure each other, not the service.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BurstCollection
{
    public const string Name = "bursts";
}
