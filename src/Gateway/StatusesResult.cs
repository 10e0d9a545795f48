using System.Text.Json;

namespace UserGraph.Gateway;

/// <summary>
/// <c>{"connection_statuses": {"1": null, "7": "followed"}}</c>, written straight to the
/// response in request order: the hottest answer of the service, so no dictionary in between.
/// It declares its shape (<see cref="StatusesAnswer"/>) to the OpenAPI document itself.
/// </summary>
public sealed class StatusesResult(long[] userIds, ConnectionStatus[] statuses) : IResult, Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider
{
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(StatusesAnswer), ["application/json"]));

    private static readonly JsonEncodedText RootName = JsonEncodedText.Encode("connection_statuses");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";

        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteStartObject(RootName);
        Span<char> name = stackalloc char[20];
        for (var i = 0; i < userIds.Length; i++)
        {
            userIds[i].TryFormat(name, out var length);
            writer.WritePropertyName(name[..length]);
            ConnectionStatusNames.WriteValue(writer, statuses[i]);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
