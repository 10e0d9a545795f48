using CsCheck;
using UserGraph.Gateway;

namespace UserGraph.UnitTests.Gateway;

/// <summary>The filter that lets the token cache keep only tokens that come back.</summary>
public class SeenOnceFilterTests
{
    [Fact]
    public void A_key_is_new_the_first_time_and_seen_when_it_comes_straight_back()
    {
        Gen.String[1, 40].Array[1, 50].Select(Gen.Int[1, 64]).Sample((keys, slots) =>
        {
            var filter = new SeenOnceFilter(slots);
            var seen = new HashSet<string>();
            foreach (var key in keys)
            {
                // A wrong "seen" would take two keys with the same 64-bit hash; a repeat after
                // other keys may find its slot taken (new again), but straight back it is there.
                if (seen.Add(key))
                {
                    Assert.False(filter.SeenBefore(key));
                }
                else
                {
                    filter.SeenBefore(key);
                }

                Assert.True(filter.SeenBefore(key));
            }
        });
    }

    [Fact]
    public void A_newer_key_in_the_same_slot_makes_the_older_one_new_again()
    {
        var filter = new SeenOnceFilter(1);
        Assert.False(filter.SeenBefore("a"));
        Assert.False(filter.SeenBefore("b"));
        Assert.False(filter.SeenBefore("a"));
        Assert.True(filter.SeenBefore("a"));
    }
}
