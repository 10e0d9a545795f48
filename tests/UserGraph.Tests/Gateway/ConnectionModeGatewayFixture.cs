using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>A service configured for connection mode with a small id limit.</summary>
public sealed class ConnectionModeGatewayFixture : GatewayFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Community:Mode", "connection"),
        new("Gateway:MaxStatusIds", "3"),
    ];
}
