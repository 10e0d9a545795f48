using UserGraph.Grains.Interfaces;

namespace UserGraph.Tests.Infrastructure;

public static class GrainFactoryExtensions
{
    /// <summary>The user's graph grain, as a co-hosted service reaches it.</summary>
    public static IUserGraphGrain User(this IGrainFactory grains, long id) => grains.GetGrain<IUserGraphGrain>(id);
}
