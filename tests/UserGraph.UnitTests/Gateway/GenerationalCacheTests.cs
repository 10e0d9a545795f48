using CsCheck;
using UserGraph.Gateway;

namespace UserGraph.UnitTests.Gateway;

/// <summary>The bounded cache behind validated tokens.</summary>
public class GenerationalCacheTests
{
    [Fact]
    public void It_never_holds_more_than_its_capacity_and_always_keeps_the_latest_half()
    {
        Gen.Select(Gen.Int[2, 40], Gen.Int[0, 60].Array[0, 300]).Sample((capacity, keys) =>
        {
            var cache = new GenerationalCache<string>(capacity);
            for (var i = 0; i < keys.Length; i++)
            {
                cache.Set(keys[i].ToString(), $"v{i}");
                Assert.True(cache.Count <= capacity + 1, $"{cache.Count} entries for a capacity of {capacity}");
            }

            // The most recent distinct keys, up to half the capacity, are still there with their latest value.
            var recent = keys.Reverse().Distinct().Take(Math.Max(1, capacity / 2) - 1);
            foreach (var key in recent)
            {
                Assert.True(cache.TryGet(key.ToString(), out var value));
                Assert.Equal($"v{Array.LastIndexOf(keys, key)}", value);
            }
        });
    }

    [Fact]
    public void An_entry_in_use_survives_any_number_of_rotations_and_a_removed_one_is_gone()
    {
        var cache = new GenerationalCache<string>(10);
        cache.Set("kept", "yes");
        cache.Set("removed", "no");
        cache.Remove("removed");
        for (var i = 0; i < 1000; i++)
        {
            cache.Set($"new-{i}", "x");
            Assert.True(cache.TryGet("kept", out _));
        }

        Assert.False(cache.TryGet("removed", out _));
        Assert.False(cache.TryGet("new-0", out _));
    }

    [Fact]
    public void Concurrent_use_stays_bounded()
    {
        var cache = new GenerationalCache<string>(1000);
        Parallel.For(0, 200_000, i =>
        {
            cache.Set($"token-{i}", "identity");
            cache.TryGet($"token-{i / 2}", out _);
        });
        Assert.InRange(cache.Count, 1, 1000 + Environment.ProcessorCount * 2);
    }
}
