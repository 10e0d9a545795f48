using System.Text;
using System.Text.Json;

namespace UserGraph.Bench.Harness;

/// <summary>
/// Before anything is measured: every target must answer the same request with the same shape
/// (the requested ids, in order, under <c>connection_statuses</c>), or the figures would compare
/// different work. An empty 200 from a baseline once made the ceilings look twice as cheap.
/// </summary>
public static class AnswerShapeCheck
{
    public static async Task<bool> RunAsync(string dataFile, IReadOnlyList<string> urls)
    {
        var fields = File.ReadLines(dataFile).First().Split(' ');
        var requested = fields[1..].Take(100).ToArray();
        // The answer names each id once, in the order of first mention.
        var ids = requested.Distinct().ToArray();
        using var http = new HttpClient();
        var ok = true;
        foreach (var url in urls)
        {
            using var request = StatusesRequestMessage.Create(url, fields[0], requested);
            using var response = await http.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            var keys = KeysOf(answer);
            if (!response.IsSuccessStatusCode || keys is null || !keys.SequenceEqual(ids))
            {
                Console.Error.WriteLine($"check: {url} answered {(int)response.StatusCode} with {answer.Length} bytes, not the {ids.Length} requested ids in order");
                ok = false;
            }
        }

        return ok;
    }

    private static List<string>? KeysOf(string answer)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(answer));
            var keys = new List<string>();
            var inStatuses = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    inStatuses = reader.ValueTextEquals("connection_statuses");
                }
                else if (inStatuses && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2)
                {
                    keys.Add(reader.GetString()!);
                }
            }

            return keys;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
