using UserGraph.Grains;

namespace UserGraph.UnitTests.Grains;

public sealed class SortedSearchTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(1023)]
    public void Finds_exactly_the_members_of_sorted_arrays_of_every_shape(int size)
    {
        var random = new Random(size);
        var ints = Enumerable.Range(0, size).Select(_ => random.Next(-50, 5000)).Distinct().Order().ToArray();
        var longs = ints.Select(i => (long)i * 3_000_000_000L).ToArray();

        for (var probe = -60; probe < 5010; probe++)
        {
            Assert.Equal(Array.BinarySearch(ints, probe) >= 0, SortedSearch.Contains<int>(ints, probe));
            Assert.Equal(Array.BinarySearch(longs, probe * 3_000_000_000L) >= 0, SortedSearch.Contains<long>(longs, probe * 3_000_000_000L));
        }
    }

    [Theory]
    [InlineData(0, 9)]
    [InlineData(1, 4)]
    [InlineData(3, 7)]
    [InlineData(100, 100)]
    [InlineData(1023, 1001)]
    public void ContainsEach_answers_as_Contains_for_every_value_in_batches_of_every_length(int size, int count)
    {
        var random = new Random(size * 31 + count);
        var ints = Enumerable.Range(0, size).Select(_ => random.Next(-50, 5000)).Distinct().Order().ToArray();
        var values = Enumerable.Range(0, count).Select(_ => random.Next(-60, 5010)).ToArray();
        var found = new bool[count + 3];
        Array.Fill(found, true);

        SortedSearch.ContainsEach<int>(ints, values, found);

        Assert.Equal(values.Select(v => SortedSearch.Contains<int>(ints, v)), found[..count]);
        Assert.All(found[count..], Assert.True);
    }

    [Fact]
    public void Handles_the_extremes_of_the_element_type()
    {
        int[] ints = [int.MinValue, 0, int.MaxValue];
        long[] longs = [long.MinValue, -1, long.MaxValue];

        Assert.True(SortedSearch.Contains<int>(ints, int.MinValue));
        Assert.True(SortedSearch.Contains<int>(ints, int.MaxValue));
        Assert.False(SortedSearch.Contains<int>(ints, int.MaxValue - 1));
        Assert.True(SortedSearch.Contains<long>(longs, long.MaxValue));
        Assert.True(SortedSearch.Contains<long>(longs, long.MinValue));
        Assert.False(SortedSearch.Contains<long>(longs, 0));
    }
}
