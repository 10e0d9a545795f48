using System.Text;
using UserGraph.Gateway;

namespace UserGraph.UnitTests.Gateway;

/// <summary>The body rules on their own; the HTTP tests cover the same rules end to end.</summary>
public class StatusesRequestParserTests
{
    private readonly StatusesRequestParser _parser = new(maxIds: 5);

    [Fact]
    public void Distinct_ids_keep_first_seen_order()
    {
        var request = Parse("{\"users\": [9, \"3\", 9, 1, \"3\"]}", "application/json");

        Assert.True(request.IsValid);
        Assert.Equal([9L, 3, 1], request.UserIds);
    }

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(700, 1_000)]
    [InlineData(1_000, 50)]
    [InlineData(1_000, long.MaxValue)]
    public void Many_ids_with_repeats_come_back_distinct_in_first_seen_order(int count, long largestId)
    {
        var random = new Random(count);
        var ids = Enumerable.Range(0, count).Select(_ => random.NextInt64(1, largestId)).ToArray();
        var parser = new StatusesRequestParser(maxIds: 1_000);

        var json = parser.Parse(Encoding.UTF8.GetBytes($"{{\"users\": [{string.Join(", ", ids)}]}}"), "application/json");
        var form = parser.Parse(Encoding.UTF8.GetBytes("users=" + string.Join(",", ids)), "application/x-www-form-urlencoded");

        Assert.Equal(ids.Distinct(), json.UserIds);
        Assert.Equal(ids.Distinct(), form.UserIds);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"users\": [4]}")).ToArray();

        var request = _parser.Parse(body, "application/json");

        Assert.Equal([4L], request.UserIds);
    }

    [Fact]
    public void Unknown_properties_are_skipped_even_when_nested()
    {
        var request = Parse("{\"meta\": {\"users\": [\"x\"]}, \"users\": [2], \"tail\": [1, {\"a\": null}]}", null);

        Assert.Equal([2L], request.UserIds);
    }

    [Fact]
    public void The_limit_counts_distinct_ids()
    {
        Assert.True(Parse("{\"users\": [1, 2, 3, 4, 5, 5, 1]}", "application/json").IsValid);
        Assert.False(Parse("{\"users\": [1, 2, 3, 4, 5, 6]}", "application/json").IsValid);
        Assert.False(Parse("users=1,2,3,4,5,6", "application/x-www-form-urlencoded").IsValid);
    }

    [Fact]
    public void The_largest_64_bit_id_is_accepted_and_one_more_is_not()
    {
        Assert.Equal([long.MaxValue], Parse($"{{\"users\": [{long.MaxValue}]}}", null).UserIds);
        Assert.False(Parse("{\"users\": [9223372036854775808]}", null).IsValid);
    }

    [Fact]
    public void Form_values_are_percent_decoded_and_trimmed()
    {
        var request = Parse("users=%207%20,%208&users%5B%5D=9", "application/x-www-form-urlencoded; charset=utf-8");

        Assert.Equal([7L, 8, 9], request.UserIds);
    }

    private StatusesRequest Parse(string body, string? contentType) => _parser.Parse(Encoding.UTF8.GetBytes(body), contentType);
}
