namespace UserGraph.Tests.Gateway;

/// <summary>The gateway tests that run against one connection-mode service.</summary>
[CollectionDefinition(Name)]
public sealed class ConnectionModeGatewayCollection : ICollectionFixture<ConnectionModeGatewayFixture>
{
    public const string Name = "Gateway in connection mode";
}
