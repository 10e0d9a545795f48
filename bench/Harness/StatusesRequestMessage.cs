using System.Net.Http.Headers;
using System.Text;

namespace UserGraph.Bench.Harness;

/// <summary>A statuses request as the workloads send it: the ids' JSON array and the caller's bearer token.</summary>
public static class StatusesRequestMessage
{
    public static HttpRequestMessage Create(string statusesUrl, string token, IEnumerable<string> ids)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, statusesUrl)
        {
            Content = new StringContent("{\"users\":[" + string.Join(',', ids) + "]}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
