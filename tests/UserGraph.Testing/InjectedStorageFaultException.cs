namespace UserGraph.Testing;

[GenerateSerializer]
public sealed class InjectedStorageFaultException(long userId) : Exception($"Injected storage fault for user {userId}.");
