namespace UserGraph.Grains.Interfaces;

/// <summary>One page of a user list.</summary>
/// <param name="TotalCount">Entries in the whole list (all pages) under the same filter.</param>
/// <param name="UserIds">This page's ids, in the list's stable order.</param>
[GenerateSerializer]
[Alias("UserGraph.UserIdPage")]
public sealed record UserIdPage(
    [property: Id(0)] int TotalCount,
    [property: Id(1)] long[] UserIds);
