using Deque.AxeCore.Playwright;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Incubator.BrowserTests;

/// <summary>
/// The real host on Kestrel (a free port) and Debian's Chromium driven by Playwright. Each page visited is
/// screenshotted into artifacts/browser and audited by axe-core; serious and critical violations are collected.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--no-first-run",
    ];

    private int _shots;

    public IncubatorFactory Factory { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public List<string> Violations { get; } = [];

    public string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "artifacts", "browser");

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal);
        Directory.CreateDirectory(ScreenshotDirectory);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        Factory.Dispose();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(60_000); // a cold first page on a busy CI machine
        var page = await context.NewPageAsync();
        Watch(page);
        return page;
    }

    /// <summary>Script errors and anything the Content-Security-Policy refused count as violations too.</summary>
    public void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Violations.Add($"console error on {page.Url}: {message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => Violations.Add($"script error on {page.Url}: {error}");
    }

    /// <summary>Signs in through the login page, with the keyboard.</summary>
    public async Task<IPage> SignInAsync(string email, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");
        await AuditAsync(page, "login");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByLabel("Mot de passe").PressAsync("Enter"),
            r => r.Request.Method == "POST" && r.Url.Contains("/account/login", StringComparison.Ordinal));
        if (answer.Status is not (302 or 303))
        {
            throw new InvalidOperationException($"Sign-in of {email} answered {answer.Status}: {await page.InnerTextAsync("main")}");
        }

        // Wait for what only a signed-in page has. Waiting for a load state right after this POST-redirect ("load",
        // "domcontentloaded", and WaitForURL's "commit") hung three times on CI for 60 s with the page already there
        // ("NetworkIdle event fired"); a locator polls the document itself, across the navigation, instead of lifecycle events.
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).WaitForAsync();
        if (page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in of {email} stayed on {page.Url}.");
        }

        return page;
    }

    /// <summary>A screenshot of the page as it is, then an axe-core audit: serious and critical violations are kept with the page's name.</summary>
    public async Task AuditAsync(IPage page, string name)
    {
        _shots++;
        // Caret = Initial: hiding the caret would inject a <style> element, which the page's CSP rightly refuses.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{_shots:00}-{name}.png"), FullPage = true, Caret = ScreenshotCaret.Initial });
        var result = await page.RunAxe();
        if (result.Passes.Length == 0)
        {
            Violations.Add($"{name} ({page.Url}): axe-core checked nothing, the audit did not run");
        }

        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var targets = string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()));
            Violations.Add($"{name} ({page.Url}): {violation.Id} [{violation.Impact}] {violation.Help} — {targets}");
        }

        // The header's links and buttons stay within the window: a lead's menu once pushed "Se déconnecter" past the
        // right edge at 1,280 px, where nobody could see it without scrolling sideways.
        var overflow = await page.EvaluateAsync<double>(
            "() => Math.max(0, ...[...document.querySelectorAll('.site-header a, .site-header button, .site-header .who')].map(e => e.getBoundingClientRect().right)) - document.documentElement.clientWidth");
        if (overflow > 0.5)
        {
            Violations.Add($"{name} ({page.Url}): the header goes {overflow:0} px past the right edge of the window");
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "Incubator.sln")))
        {
            dir = dir.Parent!;
        }

        return dir.FullName;
    }
}
