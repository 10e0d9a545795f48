using UserGraph.Grains;

namespace UserGraph.Tools;

/// <summary>Everything an import says about one user, both views of every edge, each list strictly ascending.</summary>
public sealed record ImportedUser(
    long UserId,
    long[] Followings,
    long[] Followers,
    long[] Hidden,
    long[] HiddenBy,
    long[] Blocking,
    long[] BlockedBy,
    Dictionary<long, ConnectionRecord>? Connections)
{
    /// <summary>The user's first snapshot, for a user storage does not know yet.</summary>
    public UserGraphSnapshot ToSnapshot() => new()
    {
        Followings = Followings,
        Followers = Followers,
        Hidden = Hidden,
        HiddenBy = HiddenBy,
        Blocking = Blocking.Length == 0 ? null : Blocking,
        BlockedBy = BlockedBy.Length == 0 ? null : BlockedBy,
        Connections = Connections,
        Version = 1,
    };
}
