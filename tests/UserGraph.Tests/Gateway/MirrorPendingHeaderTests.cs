using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UserGraph.Grains;
using UserGraph.Silo;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>
/// The service with a journal whose writes fail for chosen users: a write whose other side
/// cannot store its mirror answers after the wait bound with <c>Graph-Mirror: pending</c>.
/// </summary>
public class MirrorPendingHeaderTests(MirrorPendingHeaderTests.FaultyStorage gateway) : IClassFixture<MirrorPendingHeaderTests.FaultyStorage>
{
    private const string Header = "Graph-Mirror";

    [Fact]
    public async Task A_write_answers_normally_without_the_header()
    {
        var (me, other) = (TestUsers.NewId(), TestUsers.NewId());
        using var client = gateway.ClientFor(me);

        var answer = await client.PutAsync($"/api/v2/user/{other}/follow/", null);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains(Header));
    }

    [Fact]
    public async Task A_write_whose_other_side_is_unreachable_answers_after_the_bound_with_the_mirror_pending()
    {
        var (me, other) = (TestUsers.NewId(), TestUsers.NewId());
        using var client = gateway.ClientFor(me);
        using var theirs = gateway.ClientFor(other);
        // The other user's grain cannot be activated, so nothing can show it the follow.
        StorageFaults.FailReadsOf(other);
        try
        {
            var clock = Stopwatch.StartNew();
            var put = await client.PutAsync($"/api/v2/user/{other}/follow/", null);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
            var toggle = await client.PostAsync($"/api/v2/user/{other}/hide/", null);

            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal(["pending"], put.Headers.GetValues(Header));
            Assert.Equal(HttpStatusCode.NoContent, toggle.StatusCode);
            Assert.Equal(["pending"], toggle.Headers.GetValues(Header));
            // The write itself is durable and visible to its author.
            Assert.True(await HttpAssert.BoolAsync(client, $"/api/v2/user/{other}/is_followed/", "is_followed"));
        }
        finally
        {
            StorageFaults.Heal(other);
        }

        await Eventually.HoldsAsync(() => HttpAssert.BoolAsync(theirs, $"/api/v2/user/{me}/is_follower/", "is_follower"), "the mirror after the fault");
    }

    public sealed class FaultyStorage : GatewayFixture
    {
        protected override Action<IServiceCollection> ReplacedServices => services =>
        {
            services.AddSingleton<PostgresGraphJournal>();
            services.AddSingleton<IGraphJournal>(provider => new FaultInjectingGraphJournal(provider.GetRequiredService<PostgresGraphJournal>()));
        };
    }
}
