using Npgsql;

namespace UserGraph.Silo;

/// <summary>
/// Applies the SQL scripts embedded under <c>Schema/</c>, in name order, in one transaction.
/// The scripts are idempotent and the transaction holds an advisory lock, so every silo can
/// run this on start, concurrently, against a new or an existing database.
/// </summary>
public static class PostgresSchema
{
    private const string ResourcePrefix = "UserGraph.Schema.";

    // Any constant that no other application on the database uses for an advisory lock.
    private const long SchemaLockKey = 0x5573_6572_4772_6170; // "UserGrap"

    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", SchemaLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var script in LoadScripts())
        {
            await using var command = new NpgsqlCommand(script, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static IEnumerable<string> LoadScripts()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return reader.ReadToEnd();
        }
    }
}
