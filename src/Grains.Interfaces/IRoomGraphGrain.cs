namespace UserGraph.Grains.Interfaces;

/// <summary>
/// Relations among the members of a room (a game lobby, a party, a chat room) in one call. A
/// stateless worker: call it with key 0; it asks every member's grain for its row in parallel,
/// and each answers from memory.
/// </summary>
/// <remarks>Part of the public contract, under the same rules as <see cref="IUserGraphGrain"/>.</remarks>
[Alias("UserGraph.IRoomGraphGrain")]
public interface IRoomGraphGrain : IGrainWithIntegerKey
{
    /// <summary>The most members one call covers.</summary>
    public const int MaxMembers = 100;

    /// <summary>
    /// Every ordered pair's facts among <paramref name="members"/>: follows, connected, blocks, hides.
    /// </summary>
    /// <exception cref="GraphRuleException">
    /// More than <see cref="MaxMembers"/> members, an id that is not positive, or an id given twice.
    /// </exception>
    [Alias("Among")]
    Task<RoomRelations> AmongAsync(long[] members);
}
