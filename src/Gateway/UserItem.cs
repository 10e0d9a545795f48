namespace UserGraph.Gateway;

/// <summary>
/// A user in a list: the graph facts this service knows, with the status relative to the caller.
/// </summary>
public sealed record UserItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("connection_status")] string? ConnectionStatus,
    [property: JsonPropertyName("followers_counter")] int FollowersCounter,
    [property: JsonPropertyName("followings_counter")] int FollowingsCounter);
