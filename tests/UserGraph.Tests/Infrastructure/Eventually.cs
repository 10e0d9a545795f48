using System.Diagnostics;

namespace UserGraph.Tests.Infrastructure;

/// <summary>Waits for eventually consistent views to converge, and says how long that took.</summary>
public static class Eventually
{
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Not converged after {timeout.TotalSeconds:0.#} s: {what}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Reads until the value satisfies <paramref name="accept"/>; returns that value.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> accept, string what)
    {
        var value = default(T)!;
        await HoldsAsync(async () => accept(value = await read()), TimeSpan.FromSeconds(20), what);
        return value;
    }

    public static Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, string what) =>
        HoldsAsync(condition, TimeSpan.FromSeconds(20), what);
}
