using Microsoft.AspNetCore.Authentication.JwtBearer;
using Npgsql;
using UserGraph.Gateway;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Bench.Harness;

/// <summary>
/// The baselines, sharing the service's body parser and answer writer so that only what is
/// measured differs: no auth and no data (ceiling), stock JWT validation (jwt-ceiling), and
/// JWT plus one indexed PostgreSQL query or row write (db-direct, what a team without actors
/// would build).
/// </summary>
public static class PeerEndpoints
{
    public static void Map(WebApplication app, NpgsqlDataSource database)
    {
        var parser = new StatusesRequestParser(1000);
        // Typed as returning the result: an async lambda of HttpContext alone would bind to the
        // RequestDelegate overload, which drops the result and answers an empty 200 (it did).
        Func<HttpContext, Task<IResult>> nulls = http => Nulls(http, parser);
        app.MapPost("/ceiling/statuses", nulls);
        app.MapPost("/jwt/statuses", nulls).RequireAuthorization();
        app.MapPost("/db/statuses", async (HttpContext http) =>
        {
            var request = await Read(http, parser);
            var caller = long.Parse(http.User.FindFirst("sub")!.Value);
            await using var command = database.CreateCommand(
                "SELECT followee FROM bench_follows WHERE follower = $1 AND followee = ANY($2)");
            command.Parameters.AddWithValue(caller);
            command.Parameters.AddWithValue(request.UserIds);
            var followed = new HashSet<long>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    followed.Add(reader.GetInt64(0));
                }
            }

            var statuses = request.UserIds.Select(id => followed.Contains(id) ? ConnectionStatus.Followed : ConnectionStatus.None).ToArray();
            return new StatusesResult(request.UserIds, statuses);
        }).RequireAuthorization();
        app.MapPut("/db/follow/{id:long}", (long id, HttpContext http) => Write(database, http, id,
            "INSERT INTO bench_follows (follower, followee) VALUES ($1, $2) ON CONFLICT DO NOTHING")).RequireAuthorization();
        app.MapDelete("/db/follow/{id:long}", (long id, HttpContext http) => Write(database, http, id,
            "DELETE FROM bench_follows WHERE follower = $1 AND followee = $2")).RequireAuthorization();
    }

    public static void AddStockJwt(WebApplicationBuilder builder, string signingKey) =>
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new()
            {
                ValidIssuer = "user-graph-bench",
                ValidAudience = "user-graph",
                IssuerSigningKey = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Convert.FromBase64String(signingKey)),
            };
        });

    private static async Task<IResult> Nulls(HttpContext http, StatusesRequestParser parser)
    {
        var request = await Read(http, parser);
        return new StatusesResult(request.UserIds, new ConnectionStatus[request.UserIds.Length]);
    }

    private static async Task<StatusesRequest> Read(HttpContext http, StatusesRequestParser parser)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        return parser.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), http.Request.ContentType);
    }

    private static async Task<IResult> Write(NpgsqlDataSource database, HttpContext http, long id, string sql)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue(long.Parse(http.User.FindFirst("sub")!.Value));
        command.Parameters.AddWithValue(id);
        await command.ExecuteNonQueryAsync();
        return Results.NoContent();
    }
}
