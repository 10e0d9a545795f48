namespace UserGraph.Testing;

/// <summary>
/// Fresh user ids, so tests sharing a cluster or a database never see each other's edges.
/// </summary>
public static class TestUsers
{
    private static long _next = Random.Shared.NextInt64(1_000_000, 1_000_000_000) * 1000;

    public static long NewId() => Interlocked.Increment(ref _next);
}
