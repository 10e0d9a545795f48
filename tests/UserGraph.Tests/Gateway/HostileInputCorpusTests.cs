using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CsCheck;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Gateway;

/// <summary>
/// Generated hostile and odd requests through the real HTTP pipeline with real tokens: statuses
/// bodies, paths and query values, and token headers and claims. None may answer 5xx, a refusal is
/// problem+json for a client that accepts JSON, and the known graph is the same afterwards.
/// CsCheck shrinks a failing case to a minimal one. <c>CORPUS_CASES</c> sets the total (default 10,500).
/// </summary>
public class HostileInputCorpusTests(HostileInputCorpusFixture service, ITestOutputHelper output) : IClassFixture<HostileInputCorpusFixture>
{
    private static readonly long CasesPerProperty =
        long.TryParse(Environment.GetEnvironmentVariable("CORPUS_CASES"), out var total) ? Math.Max(1, total / 3) : 3_500;

    private const int Concurrency = 8;

    /// <summary>Every route shape, with the method it takes; {0} is where the generated id goes.</summary>
    private static readonly (string Method, string Path)[] Routes =
    [
        ("POST", "/api/v2/user/{0}/follow/"), ("PUT", "/api/v2/user/{0}/follow/"), ("DELETE", "/api/v2/user/{0}/follow/"),
        ("GET", "/api/v2/user/{0}/is_followed/"), ("GET", "/api/v2/user/{0}/is_follower/"),
        ("GET", "/api/v2/user/{0}/followers/"), ("GET", "/api/v2/user/{0}/followings/"),
        ("POST", "/api/v2/user/{0}/hide/"), ("PUT", "/api/v2/user/{0}/hide/"), ("DELETE", "/api/v2/user/{0}/hide/"),
        ("GET", "/api/v2/user/{0}/is_hidden/"), ("GET", "/api/v2/user/{0}/is_hidden_by/"), ("GET", "/api/v2/user/{0}/counters/"),
        ("GET", "/api/v2/user/{0}/connection_status/"), ("GET", "/api/v2/user/{0}/is_connection/"), ("GET", "/api/v2/user/{0}/connections/"),
        ("POST", "/api/v2/user/{0}/connection/request/"), ("POST", "/api/v2/user/{0}/connection/accept/"),
        ("POST", "/api/v2/user/{0}/connection/remove/"), ("POST", "/api/v2/user/{0}/connection_requests/mark_seen/"),
        ("GET", "/api/v2/user/hidden_users/"), ("GET", "/api/v2/user/hidden_users_id/"),
        ("GET", "/api/v2/user/connection/requests/"), ("GET", "/api/v2/user/connection/requests_sent/"),
        ("GET", "/api/v2/user/connection/statuses/"), ("DELETE", "/admin/users/{0}"), ("POST", "/admin/users/{0}/repair-reverse-edges"),
        ("PUT", "/api/v2/user/{0}/block/"), ("POST", "/api/v2/user/{0}/block/"), ("DELETE", "/api/v2/user/{0}/block/"),
        ("GET", "/api/v2/user/{0}/is_blocked/"), ("GET", "/api/v2/user/{0}/is_blocked_by/"), ("GET", "/api/v2/user/blocked_users/"),
        ("GET", "/api/v2/user/relationships/"), ("POST", "/api/v2/user/relationships/"), ("POST", "/api/v2/user/relationships/among/"),
        ("GET", "/api/v2/user/{0}/followers_you_know/"),
        ("GET", "/api/v2/user/{0}/{0}/"), ("GET", "/{0}"), ("GET", "/health/{0}"), ("GET", "/openapi/{0}"),
    ];

    private readonly long _caller = TestUsers.NewId();

    [Fact]
    public Task Statuses_bodies_of_any_bytes_json_media_type_and_accept_never_answer_5xx() =>
        RunAsync(
            "statuses bodies",
            Gen.Select(HostileInputs.StatusesBody, HostileInputs.ContentType, HostileInputs.Accept, Gen.Int[0, 9], Gen.OneOf(service.Known))
                .Select(c => c.Item4 switch
                {
                    0 => new HostileRequest("GET", "/api/v2/user/connection/statuses/?users=" + Uri.EscapeDataString(System.Text.Encoding.UTF8.GetString(c.Item1)), Bearer(c.Item5), null, c.Item3, null),
                    1 => new HostileRequest("PUT", "/api/v2/user/connection/statuses/", Bearer(c.Item5), c.Item2, c.Item3, c.Item1),
                    _ => new HostileRequest("POST", "/api/v2/user/connection/statuses/", Bearer(c.Item5), c.Item2, c.Item3, c.Item1),
                }));

    [Fact]
    public Task Paths_with_any_ids_and_query_values_never_answer_5xx() =>
        RunAsync(
            "paths",
            Gen.Select(
                    Gen.Frequency((1, Gen.OneOf("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")), (5, Gen.Const(""))),
                    Gen.OneOf(Routes),
                    Gen.Frequency((3, HostileInputs.Text), (1, Gen.Long.Select(id => id.ToString(CultureInfo.InvariantCulture)))).Where(id => !NamesKnownUser(id)),
                    Gen.Frequency((2, Gen.Const("")), (1, Gen.Select(HostileInputs.Text, HostileInputs.Text).Select(q => $"?limit={Uri.EscapeDataString(q.Item1)}&offset={Uri.EscapeDataString(q.Item2)}"))),
                    Gen.Bool,
                    Gen.Frequency((6, Gen.Const(default(byte[]))), (1, Gen.Byte.Array[0, 64].Select(b => (byte[]?)b))),
                    HostileInputs.Accept)
                .Select(c => new HostileRequest(
                    c.Item1.Length > 0 ? c.Item1 : c.Item2.Method,
                    string.Format(CultureInfo.InvariantCulture, c.Item2.Path, HostileInputs.Segment(c.Item3, c.Item5)) + c.Item4,
                    Bearer(_caller), "application/json", c.Item7, c.Item6)));

    [Fact]
    public Task Tokens_with_any_header_and_claims_never_answer_5xx() =>
        RunAsync(
            "tokens",
            Gen.Select(
                    HostileInputs.Token(service.Known),
                    Gen.Frequency((12, Gen.Const("Bearer ")), (1, Gen.OneOf("bearer ", "BEARER  ", "Basic ", "Bearer", ""))),
                    Gen.Bool,
                    HostileInputs.Accept)
                .Select(c => c.Item3
                    ? new HostileRequest("GET", $"/api/v2/user/{service.Known[1]}/counters/", c.Item2 + c.Item1, null, c.Item4, null)
                    : new HostileRequest(
                        "POST", "/api/v2/user/connection/statuses/", c.Item2 + c.Item1, "application/json", c.Item4,
                        System.Text.Encoding.UTF8.GetBytes($"{{\"users\":[{string.Join(",", service.Known)}]}}"))));

    private async Task RunAsync(string what, Gen<HostileRequest> requests)
    {
        var before = await service.SnapshotAsync();
        var answers = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        await requests.SampleAsync(
            async request =>
            {
                HttpRequestMessage message;
                try
                {
                    message = request.ToMessage(service.BaseAddress);
                }
                catch (UriFormatException)
                {
                    // Not something HttpClient can send; the raw-socket cases are hand-written.
                    return;
                }

                using (message)
                using (var response = await service.Anonymous.SendAsync(message))
                {
                    var status = (int)response.StatusCode;
                    answers.AddOrUpdate(status, 1, (_, n) => n + 1);
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(status < 500, $"{status}: {body}");
                    if (status >= 400 && request.AcceptsJson && request.Method != "HEAD" && !IsRefusedByKestrel(response, body))
                    {
                        Assert.True(
                            response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                            $"{status} answered as {response.Content.Headers.ContentType}: {body}");
                    }
                }
            },
            iter: CasesPerProperty,
            threads: Concurrency,
            print: request => request.ToString());

        output.WriteLine(
            $"{what}: {CasesPerProperty} cases in {clock.Elapsed.TotalSeconds:0.0} s; answers " +
            string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Value} x {a.Key}")));
        Assert.Equal(before, await service.SnapshotAsync());
    }

    /// <summary>
    /// Kestrel answers requests it cannot parse as HTTP (a NUL in the path, say) itself, before any
    /// middleware: 400, no body, and the connection closed.
    /// </summary>
    private static bool IsRefusedByKestrel(HttpResponseMessage response, string body) =>
        response.StatusCode == System.Net.HttpStatusCode.BadRequest && body.Length == 0 && response.Headers.ConnectionClose == true;

    private bool NamesKnownUser(string id) =>
        long.TryParse(id.Trim(), NumberStyles.Any, CultureInfo.InvariantCulture, out var parsed) && service.Known.Contains(parsed);

    private static string Bearer(long userId) => "Bearer " + TestJwt.For(userId);
}
