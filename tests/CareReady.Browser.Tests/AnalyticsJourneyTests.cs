using CareReady.Core.Data;
using CareReady.Core.Demo;
using CareReady.Core.Identity;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>An executive of the demo trust opens the dashboards and the impact view, downloads their data as CSV; axe finds nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalyticsJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, seed: false, realServer: true);
        await using var scope = _app.Services.CreateAsyncScope();
        await DemoSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
            new DemoOptions(DemoOptions.DefaultSeed, 1500, DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime), DemoOptions.DefaultPassword));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Executive_opens_the_dashboard_and_the_impact_view_and_exports_csv()
    {
        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, DemoSeeder.ExecutiveEmail, DemoOptions.DefaultPassword, 1280, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "Analytics", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Thameside University Hospitals NHS Foundation Trust");
        await Assertions.Expect(page.Locator("[data-testid=heatmap] tbody tr").First).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "analytics-dashboard");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("[data-testid=heatmap]").GetByRole(AriaRole.Link, new() { Name = "Download this data (CSV)" }).ClickAsync());
        Assert.Equal("heatmap.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // UTF-8 with a byte-order mark, for spreadsheets
        var csv = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Department code,Department,Subject code", csv, StringComparison.Ordinal);
        Assert.Contains("Emergency Department", csv, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Impact of training on performance measures" }).ClickAsync();
        await page.Locator("#Measure").SelectOptionAsync("HAI");
        await page.Locator("#Subject").SelectOptionAsync("CSTF-IPC");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=impact-words]")).ToContainTextAsync("association, not proof of cause");
        await Assertions.Expect(page.Locator("[data-testid=did]")).ToContainTextAsync("95% interval");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "analytics-impact");
        var impact = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download this data (CSV)" }).ClickAsync());
        Assert.Equal("impact-HAI-CSTF-IPC.csv", impact.SuggestedFilename);

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(_app.BaseUrl + "analytics/goals");
        await Axe.AssertAccessibleAsync(page);
    }
}
