using Microsoft.Playwright;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (found or installed by <c>scripts/chromium.sh</c>), driven by
/// Playwright's own driver from the NuGet package. Nothing is downloaded at run time.
/// </summary>
public static class HeadlessChromium
{
    // Playwright's 30 s for a page and 5 s for an assertion are for a quiet machine. Here the pages
    // run beside the rest of the suite on two cores, served by a Debug build, and the dashboard's
    // megabytes of script once took over 30 s to load in CI.
    private const float Patience = 90_000;

    private static readonly Lazy<Task<string>> Executable = new(FindAsync);

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executablePath = await Executable.Value;
        Assertions.SetDefaultExpectTimeout(Patience);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executablePath,
            Headless = true,
            // Without the background-networking flags Chromium keeps trying to reach Google's
            // hosts, which this machine's closed network refuses.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>A page that waits as long as this suite's machines need (see <see cref="Patience"/>).</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, int width, int height)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.SetDefaultTimeout(Patience);
        return page;
    }

    // scripts/chromium.sh: CHROMIUM_PATH or /usr/bin/chromium, installed with apt-get when missing
    // and running as root, as scripts/postgres.sh does for PostgreSQL.
    private static async Task<string> FindAsync()
    {
        var found = await ExternalProcess.RunAsync("bash", ["scripts/chromium.sh"], timeout: TimeSpan.FromMinutes(10));
        if (found.ExitCode != 0)
        {
            Assert.Fail(found.Error);
        }

        return found.Output.Trim();
    }

    /// <summary>Saves a screenshot when <c>SCREENSHOT_DIR</c> is set (how the ones in docs/ are made).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(directory, name + ".png") });
        }
    }
}
