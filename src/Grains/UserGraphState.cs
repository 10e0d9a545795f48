namespace UserGraph.Grains;

/// <summary>
/// What a user's grain persists. Stored with the Orleans binary serializer, which tolerates
/// added fields: add new members with new ids, never renumber or reuse one.
/// </summary>
[GenerateSerializer]
[Alias("UserGraph.UserGraphState.v1")]
public sealed class UserGraphState
{
    /// <summary>Ids this user follows, strictly ascending.</summary>
    [Id(0)]
    public long[] Followings { get; set; } = [];
}
