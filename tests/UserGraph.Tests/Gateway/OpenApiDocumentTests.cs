using System.Net;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>
/// The served OpenAPI document, read back by the OpenAPI.NET reader (the library ASP.NET Core
/// writes it with) and checked with its full default rule set, as any client generator would.
/// </summary>
[Collection(DefaultGatewayCollection.Name)]
public class OpenApiDocumentTests(GatewayFixture gateway)
{
    [Fact]
    public async Task The_document_is_valid_openapi_3()
    {
        var (document, diagnostic) = await ReadAsync();

        Assert.Empty(diagnostic.Errors.Select(error => error.ToString()));
        Assert.Contains(diagnostic.SpecificationVersion, new[] { OpenApiSpecVersion.OpenApi3_0, OpenApiSpecVersion.OpenApi3_1 });
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(error => error.ToString()));
    }

    [Fact]
    public async Task Every_answer_with_a_body_has_a_schema_and_every_error_is_a_problem()
    {
        var (document, _) = await ReadAsync();

        var missing = new List<string>();
        foreach (var (path, item) in document.Paths.Where(path => path.Key.StartsWith("/api/", StringComparison.Ordinal) || path.Key.StartsWith("/admin/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item.Operations!)
            {
                var where = $"{method.Method.ToUpperInvariant()} {path}";
                var responses = operation.Responses!;
                foreach (var (status, response) in responses)
                {
                    var success = status.StartsWith('2');
                    // 202 (a replay queued) and 204 carry no body here.
                    if (success && status is not ("202" or "204"))
                    {
                        if (response.Content?.Values.Any(content => content.Schema is not null) != true)
                        {
                            missing.Add($"{where} {status}: no schema");
                        }
                    }
                    else if (status.StartsWith('4') || status.StartsWith('5'))
                    {
                        if (response.Content?.TryGetValue("application/problem+json", out var problem) != true || problem!.Schema is null)
                        {
                            missing.Add($"{where} {status}: not a problem");
                        }
                    }
                }

                if (!responses.Keys.Any(status => status.StartsWith('4')))
                {
                    missing.Add($"{where}: no error answer documented");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task Route_user_ids_are_documented_as_positive_integers()
    {
        var (document, _) = await ReadAsync();

        var idParameters = document.Paths.Values
            .SelectMany(item => item.Operations!.Values)
            .SelectMany(operation => operation.Parameters ?? [])
            .Where(parameter => parameter.In == ParameterLocation.Path && parameter.Name == "id")
            .ToList();
        Assert.True(idParameters.Count >= 30, $"{idParameters.Count} id parameters");
        // The webhook admin routes' {id} is an endpoint id, also a positive integer, parsed by its own rules.
        var userIds = idParameters.Where(parameter => parameter.Schema!.Type != JsonSchemaType.String).ToList();
        Assert.All(userIds, parameter => Assert.Equal(("int64", JsonSchemaType.Integer, "1"), (parameter.Schema!.Format, parameter.Schema.Type!.Value, parameter.Schema.Minimum)));
        Assert.True(userIds.Count >= 25, $"{userIds.Count} user id parameters");
    }

    private async Task<(OpenApiDocument Document, OpenApiDiagnostic Diagnostic)> ReadAsync()
    {
        var response = await gateway.Anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), "json");
        Assert.NotNull(read.Document);
        return (read.Document!, read.Diagnostic!);
    }
}
