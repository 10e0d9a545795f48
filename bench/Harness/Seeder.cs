using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;
using UserGraph.Grains;
using UserGraph.Silo;

namespace UserGraph.Bench.Harness;

/// <summary>
/// Writes the same graph into the service's storage (one grain state row per user, with both
/// views) and into the peer's follows table, and the load generator's data file: one line per
/// caller with a token and 100 ids, half of them followed by that caller. Beside them, for the
/// service only: <see cref="BenchUsers.ColdCount"/> users with 1,000 followings each that no
/// workload touches before the cold-read measurement, and the users of
/// <see cref="BenchUsers.FollowedSizes"/> followers each for the bytes-per-follow measurement, and the
/// targets and callers of the followers-you-know measurement (<see cref="BenchUsers.KnownTargetSizes"/>).
/// </summary>
public static class Seeder
{
    public static async Task RunAsync(string connectionString, string serviceId, int users, int follows, int callers,
        string signingKey, string dataFile)
    {
        await PostgresSchema.ApplyAsync(connectionString);
        var followings = new long[users + 1][];
        var followers = new List<long>[users + 1];
        for (var u = 1; u <= users; u++)
        {
            followers[u] = [];
        }

        for (var u = 1; u <= users; u++)
        {
            followings[u] = FollowsOf(u, users, follows);
            foreach (var f in followings[u])
            {
                followers[f].Add(u);
            }
        }

        await using var services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(UserGraphSnapshot).Assembly))
            .BuildServiceProvider();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, $"DELETE FROM grain_state WHERE service_id = '{serviceId}'");
        await Execute(connection, "DROP TABLE IF EXISTS bench_follows; CREATE TABLE bench_follows (follower bigint NOT NULL, followee bigint NOT NULL, PRIMARY KEY (follower, followee))");

        // Written as the import tool writes first snapshots: GraphSnapshotTable owns the row layout.
        var table = new GraphSnapshotTable(services.GetRequiredService<Serializer>(), serviceId);
        table.Insert(connection, SeededGraphs().Select(s => (s.UserId, table.Serialize(s.Snapshot))));

        IEnumerable<(long UserId, UserGraphSnapshot Snapshot)> SeededGraphs()
        {
            for (var u = 1; u <= users; u++)
            {
                yield return (u, new UserGraphSnapshot { Followings = followings[u], Followers = [.. followers[u].Order()], Version = 1 });
            }

            for (var c = 0; c < BenchUsers.ColdCount; c++)
            {
                yield return (BenchUsers.Cold(c), new UserGraphSnapshot { Followings = FollowsOf(c + 1, users, 1000), Version = 1 });
            }

            for (var i = 0; i < BenchUsers.FollowedSizes.Length; i++)
            {
                var size = BenchUsers.FollowedSizes[i];
                var followersOfCelebrity = new long[size];
                for (var f = 0; f < size; f++)
                {
                    followersOfCelebrity[f] = BenchUsers.SeededFollowersBase + f;
                }

                yield return (BenchUsers.Followed(i), new UserGraphSnapshot { Followers = followersOfCelebrity, Version = 1 });
            }

            for (var i = 0; i < BenchUsers.KnownTargetSizes.Length; i++)
            {
                yield return (BenchUsers.KnownTarget(i), new UserGraphSnapshot { Followers = BenchUsers.SeededFollowers(BenchUsers.KnownTargetSizes[i]), Version = 1 });
            }

            for (var i = 0; i < BenchUsers.KnownCallerSizes.Length; i++)
            {
                yield return (BenchUsers.KnownCaller(i), new UserGraphSnapshot { Followings = BenchUsers.KnownCallerFollowings(i), Version = 1 });
            }
        }

        await using (var rows = await connection.BeginBinaryImportAsync("COPY bench_follows (follower, followee) FROM STDIN (FORMAT BINARY)"))
        {
            for (var u = 1; u <= users; u++)
            {
                foreach (var f in followings[u])
                {
                    await rows.StartRowAsync();
                    await rows.WriteAsync((long)u, NpgsqlDbType.Bigint);
                    await rows.WriteAsync(f, NpgsqlDbType.Bigint);
                }
            }

            await rows.CompleteAsync();
        }

        await Execute(connection, "ANALYZE bench_follows; ANALYZE grain_state");

        var credentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), SecurityAlgorithms.HmacSha256);
        var handler = new JsonWebTokenHandler();
        var random = new Random(7);
        var lines = new StringBuilder();
        for (var c = 1; c <= callers; c++)
        {
            var caller = (long)((c * 2654435761L) % users) + 1;
            var token = handler.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = "user-graph-bench",
                Audience = "user-graph",
                Claims = new Dictionary<string, object> { ["sub"] = caller.ToString() },
                Expires = DateTime.UtcNow.AddHours(6),
                SigningCredentials = credentials,
            });
            var followed = followings[caller];
            var ids = Enumerable.Range(0, 100)
                .Select(i => i % 2 == 0 && followed.Length > 0 ? followed[random.Next(followed.Length)] : (long)random.Next(1, users + 1));
            lines.Append(token).Append(' ').AppendJoin(' ', ids).Append('\n');
        }

        await File.WriteAllTextAsync(dataFile, lines.ToString());
        await File.WriteAllLinesAsync(
            dataFile + ".cold",
            Enumerable.Range(0, BenchUsers.ColdCount).Select(c =>
                BenchUsers.Token(signingKey, BenchUsers.Cold(c)) + " " + string.Join(' ', FollowsOf(c + 1, users, 1000).Where((_, i) => i % 20 == 0).Concat(Enumerable.Range(1, 50).Select(i => (long)i)))));
        Console.WriteLine($"seeded {users} users x {follows} follows, {callers} callers");
    }

    /// <summary>Deterministic, distinct, sorted follows of one user.</summary>
    private static long[] FollowsOf(int user, int users, int follows)
    {
        var set = new SortedSet<long>();
        var step = 104729L % users;
        for (var k = 1; set.Count < Math.Min(follows, users - 1); k++)
        {
            var f = (user * 7919L + k * step + k) % users + 1;
            if (f != user)
            {
                set.Add(f);
            }
        }

        return [.. set];
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
