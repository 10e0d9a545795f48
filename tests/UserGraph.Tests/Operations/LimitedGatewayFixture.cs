using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Operations;

/// <summary>A service with tight limits, to see them trip.</summary>
public sealed class LimitedGatewayFixture : GatewayFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Gateway:RateLimit:UserPermitsPerSecond", "1"),
        new("Gateway:RateLimit:UserBurst", "3"),
        new("Gateway:RateLimit:AddressPermitsPerSecond", "1"),
        new("Gateway:RateLimit:AddressBurst", "2"),
        new("Gateway:RequestTimeout", "00:00:01"),
    ];
}
