using System.Net;
using System.Net.Sockets;
using System.Text;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>Bodies sent to endpoints that take none: too large or badly framed, they change nothing.</summary>
[Collection(DefaultGatewayCollection.Name)]
public class RequestBodyLimitTests(GatewayFixture gateway)
{
    private const int OverLimit = 300 * 1024;

    private async Task<bool> FollowsAsync(HttpClient client, long other) =>
        await HttpAssert.BoolAsync(client, $"/api/v2/user/{other}/is_followed/", "is_followed");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_limit_answers_413_and_the_action_is_not_applied(bool chunked)
    {
        var other = TestUsers.NewId();
        using var client = gateway.ClientFor(TestUsers.NewId());
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v2/user/{other}/follow/")
        {
            Content = chunked ? new StreamContent(new UnknownLengthStream(new byte[OverLimit])) : new ByteArrayContent(new byte[OverLimit]),
        };

        var response = await client.SendAsync(request);

        await HttpAssert.Problem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.False(await FollowsAsync(client, other));
    }

    [Fact]
    public async Task A_small_body_on_a_bodyless_endpoint_is_ignored()
    {
        var other = TestUsers.NewId();
        using var client = gateway.ClientFor(TestUsers.NewId());

        var response = await client.PutAsync($"/api/v2/user/{other}/follow/", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await FollowsAsync(client, other));
    }

    [Theory]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFF")]
    [InlineData("zz")]
    public async Task Broken_chunked_framing_answers_400_and_changes_nothing(string chunk)
    {
        var (me, other) = (TestUsers.NewId(), TestUsers.NewId());
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(gateway.BaseAddress.Host, gateway.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"PUT /api/v2/user/{other}/follow/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {TestJwt.For(me)}\r\n"
                   + $"Transfer-Encoding: chunked\r\n\r\n{chunk}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));

        Assert.StartsWith("HTTP/1.1 400", statusLine);
        using var client = gateway.ClientFor(me);
        Assert.False(await FollowsAsync(client, other));
    }

    /// <summary>A stream that does not tell its length, so the client sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
