using UserGraph.Gateway;

namespace UserGraph.UnitTests.Gateway;

public class StatusesETagTests
{
    [Fact]
    public void The_tag_depends_on_version_ids_and_their_order()
    {
        var tag = StatusesETag.Compute(3, [1, 2]);

        Assert.Equal(tag, StatusesETag.Compute(3, [1, 2]));
        Assert.NotEqual(tag, StatusesETag.Compute(4, [1, 2]));
        Assert.NotEqual(tag, StatusesETag.Compute(3, [2, 1]));
        Assert.NotEqual(tag, StatusesETag.Compute(3, [1, 2, 3]));
        Assert.StartsWith("\"", tag);
    }

    [Theory]
    [InlineData("{0}", true)]
    [InlineData("W/{0}", true)]
    [InlineData("\"other\", {0}", true)]
    [InlineData("*", true)]
    [InlineData("\"other\"", false)]
    [InlineData("", false)]
    [InlineData("garbage without quotes", false)]
    public void If_none_match_uses_weak_comparison(string header, bool matches)
    {
        var tag = StatusesETag.Compute(1, [5]);

        Assert.Equal(matches, StatusesETag.IfNoneMatchMatches(string.Format(header, tag), tag));
    }
}
