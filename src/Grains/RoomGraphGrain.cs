using Orleans.Concurrency;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// Answers a room's relations by asking every member's grain for its row at once. Stateless and
/// local to the caller's silo, so rooms never queue behind one another.
/// </summary>
[StatelessWorker]
public sealed class RoomGraphGrain : Grain, IRoomGraphGrain
{
    public async Task<RoomRelations> AmongAsync(long[] members)
    {
        RoomMembers.EnsureValid(members);
        var rows = await Task.WhenAll(members.Select(member => GrainFactory.GetGrain<IUserGraphPeerQueries>(member).GetRoomRowAsync(members)));
        var relations = new PairRelation[members.Length * members.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].CopyTo(relations, i * members.Length);
        }

        return new RoomRelations(members, relations);
    }
}
