using CsCheck;
using UserGraph.Tools;

namespace UserGraph.UnitTests.Tools;

/// <summary>The sorts behind an import: pairs packed and radix-sorted, or sorted as pairs when ids are too large to pack.</summary>
public class SortedEdgesTests
{
    [Fact]
    public void The_radix_sort_orders_as_a_comparison_sort_does()
    {
        Gen.Select(Gen.OneOf(Gen.Long[0, long.MaxValue], Gen.Long[0, 5000], Gen.Long[1L << 40, (1L << 40) + 3]).Array[0, 3000], Gen.Int[0, 3000])
            .Sample((keys, count) =>
            {
                count = Math.Min(count, keys.Length);
                var expected = keys[..count].Order().Concat(keys[count..]).ToArray();
                RadixSort.Sort(keys, count);
                Assert.Equal(expected, keys);
            });
    }

    [Fact]
    public void Pairs_come_out_sorted_by_owner_then_other_once_each_both_ways_whether_their_ids_pack_or_not()
    {
        var smallIds = Gen.Long[1, 40];
        var anyIds = Gen.OneOf(Gen.Long[1, 40], Gen.Long[int.MaxValue - 2L, int.MaxValue + 2L], Gen.Long[long.MaxValue - 40, long.MaxValue]);
        Gen.Bool.SelectMany(large =>
            {
                var ids = large ? anyIds : smallIds;
                return Gen.Select(ids, ids, (a, b) => (a, b)).Array[0, 400];
            })
            .Sample(pairs =>
            {
                var list = new EdgeList();
                foreach (var (from, to) in pairs)
                {
                    list.Add(from, to);
                }

                Assert.Equal(pairs.Distinct().Order(), list.Pairs().Distinct().Order());
                var (byFrom, byTo) = list.Sort();

                Assert.Equal(pairs.Distinct().Order().ToArray(), Enumerate(byFrom));
                Assert.Equal(pairs.Select(p => (p.b, p.a)).Distinct().Order().ToArray(), Enumerate(byTo));
                Assert.Equal(pairs.GroupBy(p => p.a).OrderBy(g => g.Key).Select(g => g.Select(p => p.b).Distinct().Order().ToArray()), Runs(byFrom));
            });
    }

    [Fact]
    public void Removing_pairs_keeps_the_rest_in_either_form()
    {
        foreach (var large in new[] { false, true })
        {
            var list = new EdgeList();
            list.Add(1, 2);
            list.Add(3, 4);
            list.Add(large ? long.MaxValue : 5, 6);

            Assert.Equal([(3L, 4L)], list.RemoveWhere((from, to) => from == 3));
            Assert.Equal(2, list.Count);
            Assert.DoesNotContain((3L, 4L), list.Pairs());
        }
    }

    private static (long, long)[] Enumerate(SortedEdges sorted) =>
        [.. Enumerable.Range(0, sorted.Length).Select(i => (sorted.OwnerAt(i), sorted.OtherAt(i)))];

    /// <summary>Each owner's others, taken run by run as the importer takes them.</summary>
    private static List<long[]> Runs(SortedEdges sorted)
    {
        var runs = new List<long[]>();
        var cursor = 0;
        while (cursor < sorted.Length)
        {
            runs.Add(sorted.Take(ref cursor, sorted.OwnerAt(cursor)));
        }

        return runs;
    }
}
