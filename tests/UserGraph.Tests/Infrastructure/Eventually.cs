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

    public static Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, string what) =>
        HoldsAsync(condition, TimeSpan.FromSeconds(20), what);
}
