using UserGraph.Grains;

namespace UserGraph.Tests.Grains;

public class FollowSetTests
{
    [Fact]
    public void With_keeps_ids_sorted_and_distinct()
    {
        var set = FollowSet.Empty.With(9).With(1).With(5).With(5).With(12);

        Assert.Equal([1L, 5, 9, 12], set.Ids.ToArray());
        Assert.Equal(4, set.Count);
    }

    [Fact]
    public void With_an_existing_id_returns_the_same_instance()
    {
        var set = FollowSet.Empty.With(3);

        Assert.Same(set, set.With(3));
    }

    [Fact]
    public void Without_removes_only_the_given_id()
    {
        var set = FollowSet.Empty.With(1).With(2).With(3);

        var smaller = set.Without(2);

        Assert.Equal([1L, 3], smaller.Ids.ToArray());
        Assert.Equal([1L, 2, 3], set.Ids.ToArray());
        Assert.Same(smaller, smaller.Without(2));
        Assert.Same(FollowSet.Empty, FollowSet.Empty.With(4).Without(4));
    }

    [Fact]
    public void Contains_answers_for_members_and_non_members()
    {
        var set = FollowSet.Empty;
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
        Assert.Throws<InvalidDataException>(() => FollowSet.FromSorted([3, 1]));
        Assert.Throws<InvalidDataException>(() => FollowSet.FromSorted([1, 1]));
        Assert.Same(FollowSet.Empty, FollowSet.FromSorted(null));
        Assert.Equal([1L, 7], FollowSet.FromSorted([1, 7]).Ids.ToArray());
    }
}
