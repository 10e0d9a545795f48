using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>The gateway tests that run against one service with the default settings.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultGatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Gateway with default settings";
}
