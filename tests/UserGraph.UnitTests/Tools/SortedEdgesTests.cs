using CsCheck;
using UserGraph.Tools;

namespace UserGraph.UnitTests.Tools;

/// <summary>The sorts behind an import: the radix sort of packed pairs, and the pair sort when ids are too large to pack.</summary>
public class SortedEdgesTests
{
    [Fact]
    public void The_radix_sort_orders_as_a_comparison_sort_does()
    {
        Gen.OneOf(Gen.Long[0, long.MaxValue], Gen.Long[0, 5000], Gen.Long[1L << 40, (1L << 40) + 3]).Array[0, 3000].Sample(keys =>
        {
            var expected = keys.Order().ToArray();
            RadixSort.Sort(keys);
            Assert.Equal(expected, keys);
        });
    }

    [Fact]
    public void Pairs_come_out_sorted_by_owner_then_other_once_each_whether_their_ids_pack_or_not()
    {
        var smallIds = Gen.Long[1, 40];
        var anyIds = Gen.OneOf(Gen.Long[1, 40], Gen.Long[long.MaxValue - 40, long.MaxValue]);
        Gen.Bool.SelectMany(large =>
            {
                var ids = large ? anyIds : smallIds;
                return Gen.Select(ids, ids, (a, b) => (a, b)).Array[0, 400];
            })
            .Select(Gen.Bool).Sample((pairs, reversed) =>
        {
            var edges = pairs.Select((p, i) => new Edge(p.a, p.b, i + 1)).ToList();
            var expected = edges.Select(e => reversed ? (e.To, e.From) : (e.From, e.To)).Distinct().Order().ToArray();

            var sorted = SortedEdges.Of(edges, reversed);

            Assert.Equal(expected, sorted.Owners.Zip(sorted.Others));
            var cursor = sorted.StartAfter(20);
            Assert.Equal(expected.TakeWhile(p => p.Item1 <= 20).Count(), cursor);
        });
    }
}
