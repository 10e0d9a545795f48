using CsCheck;
using UserGraph.Grains;

namespace UserGraph.UnitTests.Grains;

public class UserIdSetTests
{
    [Fact]
    public void With_keeps_ids_sorted_and_distinct()
    {
        var set = UserIdSet.Empty.With(9).With(1).With(5).With(5).With(12);

        Assert.Equal([1L, 5, 9, 12], set.Ids.ToArray());
        Assert.Equal(4, set.Count);
    }

    [Fact]
    public void With_an_existing_id_returns_the_same_instance()
    {
        var set = UserIdSet.Empty.With(3);

        Assert.Same(set, set.With(3));
    }

    [Fact]
    public void Without_removes_only_the_given_id()
    {
        var set = UserIdSet.Empty.With(1).With(2).With(3);

        var smaller = set.Without(2);

        Assert.Equal([1L, 3], smaller.Ids.ToArray());
        Assert.Equal([1L, 2, 3], set.Ids.ToArray());
        Assert.Same(smaller, smaller.Without(2));
        Assert.Same(UserIdSet.Empty, UserIdSet.Empty.With(4).Without(4));
    }

    [Fact]
    public void Contains_answers_for_members_and_non_members()
    {
        var set = UserIdSet.Empty;
        for (long id = 2; id <= 2000; id += 2)
        {
            set = set.With(id);
        }

        Assert.True(set.Contains(2));
        Assert.True(set.Contains(1000));
        Assert.True(set.Contains(2000));
        Assert.False(set.Contains(1));
        Assert.False(set.Contains(1001));
        Assert.False(set.Contains(2002));
        Assert.False(set.Contains(-2));
    }

    [Fact]
    public void FromSorted_refuses_unsorted_or_duplicate_storage()
    {
        Assert.Throws<InvalidDataException>(() => UserIdSet.FromSorted([3, 1]));
        Assert.Throws<InvalidDataException>(() => UserIdSet.FromSorted([1, 1]));
        Assert.Same(UserIdSet.Empty, UserIdSet.FromSorted(null));
        Assert.Equal([1L, 7], UserIdSet.FromSorted([1, 7]).Ids.ToArray());
    }

    [Fact]
    public void Ids_beyond_32_bits_widen_the_set_and_keep_their_order()
    {
        var big = (long)int.MaxValue + 10;
        var set = UserIdSet.FromSorted([1, 2, 3]).With(big).With(int.MaxValue).Without(2);

        Assert.Equal([1L, 3, int.MaxValue, big], set.Ids.ToArray());
        Assert.True(set.Contains(big));
        Assert.False(set.Contains(big - (1L << 32)));
        Assert.Equal([1L, 3], set.Without(big).Without(int.MaxValue).Ids.ToArray());
        var contained = new bool[6];
        set.ContainsEach([big, 3, -1, big - (1L << 32), int.MaxValue, 2], contained);
        Assert.Equal([true, true, false, false, true, false], contained);
        UserIdSet.FromSorted([0, 2]).ContainsEach([2 + (1L << 32), -1, 0, long.MinValue, 2], contained);
        Assert.Equal([false, false, true, false, true], contained[..5]);
        Assert.False(UserIdSet.FromSorted([1, 2]).Contains(2 + (1L << 32)));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(UserIdSet.OverlayThreshold + 500)]
    [InlineData(40_000)]
    public void Random_changes_give_the_same_answers_as_a_reference_set(int size)
    {
        var random = new Random(size);
        var reference = new SortedSet<long>();
        while (reference.Count < size)
        {
            reference.Add(random.Next(1, size * 4));
        }

        var set = UserIdSet.FromSorted([.. reference]);
        var earlier = new List<(UserIdSet Set, long[] Ids)>();
        for (var step = 0; step < 3000; step++)
        {
            var id = random.Next(1, size * 4);
            var present = random.Next(2) == 0;
            set = set.With(id, present);
            if (present)
            {
                reference.Add(id);
            }
            else
            {
                reference.Remove(id);
            }

            Assert.Equal(reference.Contains(id), set.Contains(id));
            if (step % 500 == 0)
            {
                earlier.Add((set, [.. reference]));
            }
        }

        Assert.Equal(reference.Count, set.Count);
        Assert.Equal(reference, set.Ids.ToArray());
        var probes = Enumerable.Range(0, 301).Select(_ => (long)random.Next(-2, size * 4 + 2)).Append(1L << 40).ToArray();
        var contained = new bool[probes.Length];
        set.ContainsEach(probes, contained);
        Assert.Equal(probes.Select(reference.Contains), contained);
        Assert.All(Enumerable.Range(0, 2000).Select(_ => (long)random.Next(0, size * 4 + 2)), id => Assert.Equal(reference.Contains(id), set.Contains(id)));
        // Older versions are untouched by later changes (reads may still hold them).
        Assert.All(earlier, old => Assert.Equal(old.Ids, old.Set.Ids.ToArray()));
    }

    [Fact]
    public void Among_is_the_intersection_in_the_given_order_and_pages_of_it_add_up()
    {
        // Sets past the overlay threshold with changes on top, candidates sorted (merged when
        // many) or not (searched one by one).
        Gen.Select(Gen.Long[1, 9000].Array[0, 6000], Gen.Long[1, 9000].Array[0, 3000], Gen.Long[1, 9000].Array[0, 20], Gen.Bool, Gen.Int[0, 40], Gen.Int[0, 40])
            .Sample((members, given, changes, sorted, offset, limit) =>
        {
            var set = UserIdSet.FromSorted([.. members.Distinct().Order()]);
            var reference = members.ToHashSet();
            foreach (var id in changes)
            {
                set = set.With(id, !reference.Contains(id));
                if (!reference.Remove(id))
                {
                    reference.Add(id);
                }
            }

            var candidates = sorted ? given.Distinct().Order().ToArray() : given.Distinct().ToArray();

            var among = set.Among(candidates);

            Assert.Equal(candidates.Where(reference.Contains), among);
            var page = EdgeListing.PageOf(among, offset, limit);
            Assert.Equal(among.Length, page.TotalCount);
            Assert.Equal(among.Skip(offset).Take(limit), page.UserIds);
        });
    }
}
