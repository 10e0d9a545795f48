using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using UserGraph.Grains;

namespace UserGraph.Bench.Micro;

/// <summary>Writing and reading one user's stored state with the serializer the silo uses.</summary>
[MemoryDiagnoser]
public class StateSerializerBenchmarks
{
    private OrleansGrainStorageSerializer _serializer = null!;
    private UserGraphSnapshot _state = new();
    private BinaryData _stored = BinaryData.Empty;

    [Params(100, 10_000)]
    public int Edges { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(UserGraphSnapshot).Assembly)).BuildServiceProvider();
        _serializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        var ids = Enumerable.Range(1, Edges).Select(i => (long)i * 7).ToArray();
        _state = new UserGraphSnapshot { Followings = ids, Followers = ids, Version = 3 };
        _stored = _serializer.Serialize(_state);
        Console.WriteLine($"// stored bytes for {Edges} followings + {Edges} followers: {_stored.ToMemory().Length}");
    }

    [Benchmark]
    public BinaryData Serialize() => _serializer.Serialize(_state);

    [Benchmark]
    public UserGraphSnapshot? Deserialize() => _serializer.Deserialize<UserGraphSnapshot>(_stored);
}
