using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using UserGraph.Grains;

namespace UserGraph.Silo;

public static class GraphSiloBuilderExtensions
{
    /// <summary>
    /// The graph's grain storage: ADO.NET on PostgreSQL through Npgsql, with the state written by
    /// the Orleans binary serializer (compact, version tolerant through [Id] members) instead of
    /// the provider's default JSON with embedded type names.
    /// </summary>
    public static ISiloBuilder AddGraphStorage(this ISiloBuilder silo, string connectionString)
    {
        silo.AddAdoNetGrainStorage(GraphStorage.ProviderName, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<Serializer>((storage, serializer) =>
            {
                storage.Invariant = "Npgsql";
                storage.ConnectionString = connectionString;
                storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        return silo;
    }
}
