using CsCheck;
using UserGraph.Gateway;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Gateway;

/// <summary>What a member learns of a room through REST: public facts of every pair, private ones only of its own.</summary>
public class RoomDisclosureTests
{
    private const PairRelation Public = PairRelation.Follows | PairRelation.Connected;

    [Fact]
    public void Private_facts_show_only_on_the_callers_pairs_and_every_visible_fact_is_listed()
    {
        var rooms =
            from size in Gen.Int[1, 7]
            from relations in Gen.Enum<PairRelation>().Where(r => (byte)r <= 15).Array[size * size]
            from callerIndex in Gen.Int[0, size - 1]
            select (Members: Enumerable.Range(1, size).Select(i => (long)i * 10).ToArray(), Relations: relations, Caller: (callerIndex + 1) * 10L);

        rooms.Sample(room =>
        {
            var relations = room.Relations.Select((r, i) => i / room.Members.Length == i % room.Members.Length ? PairRelation.None : r).ToArray();
            var answer = RoomDisclosure.For(room.Caller, new RoomRelations(room.Members, relations));
            var listed = answer.Relationships.ToDictionary(pair => (pair.From, pair.To));

            Assert.Equal(room.Members, answer.Users);
            var n = room.Members.Length;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var (from, to, relation) = (room.Members[i], room.Members[j], relations[(i * n) + j]);
                    var callers = from == room.Caller || to == room.Caller;
                    var visible = callers ? relation : relation & Public;
                    Assert.Equal(visible != PairRelation.None, listed.TryGetValue((from, to), out var item));
                    if (item is null)
                    {
                        continue;
                    }

                    Assert.Equal(relation.HasFlag(PairRelation.Follows), item.Following);
                    Assert.Equal(relation.HasFlag(PairRelation.Connected), item.Connected);
                    Assert.Equal(callers ? relation.HasFlag(PairRelation.Blocks) : null, item.Blocking);
                    Assert.Equal(callers ? relation.HasFlag(PairRelation.Hides) : null, item.Hiding);
                }
            }
        });
    }
}
