using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using UserGraph.Gateway;
using UserGraph.Tests.Gateway;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Operations;

/// <summary>The operator's way into the Orleans Dashboard from a browser: a token turned into a cookie.</summary>
[Collection(DefaultGatewayCollection.Name)]
public class DashboardSignInTests(GatewayFixture gateway)
{
    [Fact]
    public async Task An_operator_token_becomes_a_short_lived_strict_http_only_cookie_for_the_dashboard_only()
    {
        using var signIn = await SignInAsync(TestJwt.Operator());

        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(DashboardSession.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var maxAge = int.Parse(cookie.Split(';').Select(part => part.Trim()).Single(part => part.StartsWith("max-age=", StringComparison.OrdinalIgnoreCase))["max-age=".Length..]);
        // TestJwt.Operator() expires in 10 minutes: the cookie does not outlive its token.
        Assert.InRange(maxAge, 1, 600);

        var value = cookie.Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await SendWithCookieAsync("/dashboard/", value)).StatusCode);
        // Anywhere else the cookie is not a credential, even when a client sends it there.
        await HttpAssert.Problem(await SendWithCookieAsync("/admin/webhooks", value), HttpStatusCode.Unauthorized);
        await HttpAssert.Problem(await SendWithCookieAsync("/api/v2/user/graph/changes/", value), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_token_gets_no_cookie_and_without_one_the_dashboard_answers_401()
    {
        using var refused = await SignInAsync(TestJwt.For(TestUsers.NewId()));
        await HttpAssert.Problem(refused, HttpStatusCode.Forbidden);
        Assert.False(refused.Headers.Contains("Set-Cookie"));

        using var anonymous = new HttpRequestMessage(HttpMethod.Post, DashboardSession.SignInPath);
        var unauthenticated = await gateway.Anonymous.SendAsync(anonymous);
        await HttpAssert.Problem(unauthenticated, HttpStatusCode.Unauthorized);
        Assert.False(unauthenticated.Headers.Contains("Set-Cookie"));

        await HttpAssert.Problem(await gateway.Anonymous.GetAsync("/dashboard/"), HttpStatusCode.Unauthorized);
        // A user token copied into the cookie by hand is still only a user's.
        await HttpAssert.Problem(await SendWithCookieAsync("/dashboard/", $"{DashboardSession.CookieName}={TestJwt.For(TestUsers.NewId())}"), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await SendWithCookieAsync("/dashboard/", $"{DashboardSession.CookieName}=not-a-token"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task In_a_browser_the_operator_signs_in_and_the_dashboard_shows_the_silo()
    {
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await HeadlessChromium.NewPageAsync(browser, 1100, 800);
            var dashboard = await page.GotoAsync(gateway.BaseAddress + "dashboard/");
            Assert.Equal(401, dashboard!.Status);

            await page.GotoAsync(gateway.BaseAddress + DashboardSession.SignInPath.TrimStart('/'));
            await page.FillAsync("#token", TestJwt.For(TestUsers.NewId()));
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("403");

            await page.FillAsync("#token", TestJwt.Operator());
            // The wait for the dashboard starts before the click: waiting for its URL after the
            // sign-in can miss a navigation that lands in between (Playwright reads the URL, then
            // listens), which under load it did, three times, at 30 and at 90 s.
            var dashboardAnswered = page.WaitForResponseAsync(
                response => response.Request.IsNavigationRequest && response.Url.EndsWith(DashboardSession.DashboardPath + "/", StringComparison.Ordinal));
            var signedIn = await page.RunAndWaitForResponseAsync(
                () => page.ClickAsync("button[type=submit]"),
                response => response.Request.Method == "POST" && response.Url.EndsWith(DashboardSession.SignInPath, StringComparison.Ordinal));
            Assert.Equal(204, signedIn.Status);
            Assert.Equal(200, (await dashboardAnswered).Status);
            // Its data comes from the dashboard's own calls, which the cookie carries too.
            await Assertions.Expect(page.Locator(".info-box:has-text('Active Silos') .info-box-number")).ToHaveTextAsync("1");
            await HeadlessChromium.ScreenshotAsync(page, "dashboard");
            await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Silos" }).ClickAsync();
            // The silo's own endpoint, as the cluster lists it.
            await Assertions.Expect(page.GetByText(":" + gateway.Setting("Orleans:SiloPort")).First).ToBeVisibleAsync();
        }
    }

    private async Task<HttpResponseMessage> SignInAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, DashboardSession.SignInPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await gateway.Anonymous.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendWithCookieAsync(string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await gateway.Anonymous.SendAsync(request);
    }
}
