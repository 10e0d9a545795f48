using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using UserGraph.Silo;

namespace UserGraph.UnitTests.Silo;

/// <summary>The silo's activation limits: shedding on with our thresholds, each one overridable.</summary>
public class ActivationLimitsTests
{
    private static GrainCollectionOptions Resolve(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddGraphActivationLimits());
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;
    }

    [Fact]
    public void Without_settings_shedding_is_on_and_polls_every_second_from_70_down_to_50_percent()
    {
        var options = Resolve();
        Assert.True(options.EnableActivationSheddingOnMemoryPressure);
        Assert.Equal(TimeSpan.FromSeconds(1), options.MemoryUsagePollingPeriod);
        Assert.Equal(70, options.MemoryUsageLimitPercentage);
        Assert.Equal(50, options.MemoryUsageTargetPercentage);
    }

    [Fact]
    public void Settings_under_Orleans_GrainCollection_replace_each_default()
    {
        var options = Resolve(
            ("Orleans:GrainCollection:EnableActivationSheddingOnMemoryPressure", "false"),
            ("Orleans:GrainCollection:MemoryUsagePollingPeriod", "00:00:05"),
            ("Orleans:GrainCollection:MemoryUsageLimitPercentage", "85"),
            ("Orleans:GrainCollection:MemoryUsageTargetPercentage", "80"),
            ("Orleans:GrainCollection:CollectionAge", "00:30:00"));
        Assert.False(options.EnableActivationSheddingOnMemoryPressure);
        Assert.Equal(TimeSpan.FromSeconds(5), options.MemoryUsagePollingPeriod);
        Assert.Equal(85, options.MemoryUsageLimitPercentage);
        Assert.Equal(80, options.MemoryUsageTargetPercentage);
        Assert.Equal(TimeSpan.FromMinutes(30), options.CollectionAge);
    }
}
