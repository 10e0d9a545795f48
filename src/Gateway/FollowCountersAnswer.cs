namespace UserGraph.Gateway;

/// <summary>A user's counters in follow mode.</summary>
public sealed record FollowCountersAnswer(
    [property: JsonPropertyName("followers")] int Followers,
    [property: JsonPropertyName("followings")] int Followings);
