using System.Net;
using Microsoft.Playwright;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>The interactive API reference, opened and used in a real browser.</summary>
public class ApiReferenceTests
{
    // As the OpenAPI document spells it: without the trailing slash, which routing takes either way.
    private const string ChangesPath = "/api/v2/user/graph/changes";

    [Fact]
    public async Task A_call_made_from_the_page_with_a_bearer_token_reaches_the_service()
    {
        await using var service = new GatewayFactory(await TestDatabase.GetConnectionStringAsync(), [new("Gateway:ApiReference", "true")]);
        service.StartServer();
        var baseAddress = service.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await HeadlessChromium.NewPageAsync(browser, 1100, 900);
            await page.GotoAsync(baseAddress + "/api-reference");
            await Assertions.Expect(page.Locator(".swagger-ui .info .title")).ToContainTextAsync("User graph service");

            // Without a token the page's call is refused, as any other client's.
            var changes = page.Locator($".opblock-get:has(.opblock-summary-path[data-path='{ChangesPath}'])");
            await changes.Locator(".opblock-summary-control").ClickAsync();
            await changes.Locator("button.execute").ClickAsync();
            await Assertions.Expect(changes.Locator(".live-responses-table .response .response-col_status").First).ToContainTextAsync("401");

            await page.Locator(".auth-wrapper button.authorize").ClickAsync();
            await page.Locator(".auth-container input").FillAsync(TestJwt.For(TestUsers.NewId()));
            await page.Locator(".auth-btn-wrapper button.authorize").ClickAsync();
            await page.Locator(".auth-btn-wrapper button.btn-done").ClickAsync();

            await changes.Locator("button.execute").ClickAsync();
            await Assertions.Expect(changes.Locator(".live-responses-table .response .response-col_status").First).ToContainTextAsync("200");
            await Assertions.Expect(changes.Locator(".live-responses-table .response .response-col_description").First).ToContainTextAsync("next_cursor");
            await HeadlessChromium.ScreenshotAsync(page, "api-reference");
        }
    }

    [Fact]
    public async Task It_is_off_in_production_unless_configured()
    {
        var connection = await TestDatabase.GetConnectionStringAsync();
        await using (var production = new GatewayFactory(connection, [new("environment", "Production")]))
        {
            production.StartServer();
            using var client = production.CreateClient();
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api-reference/index.html")).StatusCode);
        }

        await using (var configured = new GatewayFactory(connection, [new("environment", "Production"), new("Gateway:ApiReference", "true")]))
        {
            configured.StartServer();
            using var client = configured.CreateClient();
            var page = await client.GetAsync("/api-reference/index.html");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
