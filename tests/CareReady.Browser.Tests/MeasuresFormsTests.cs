using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>The measures page's forms: a compliance lead defines a measure and records a training push; errors sit in the NHS error summary; axe finds nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MeasuresFormsTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_compliance_lead_defines_a_measure_and_records_a_push_with_errors_explained_and_no_axe_violations()
    {
        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.ComplianceEmail, TestData.Password);
        await page.GotoAsync(_app.BaseUrl + "analytics/measures");
        await page.Locator("#Code").FillAsync("bad code!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save measure" }).ClickAsync();
        var summary = page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a code of 1 to 32 letters");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a name of 1 to 200 characters");
        await Assertions.Expect(summary).ToContainTextAsync("Select Month or Quarter");
        await Assertions.Expect(page.Locator("#Code")).ToHaveValueAsync("bad code!");
        await Axe.AssertAccessibleAsync(page);

        await page.Locator("#Code").FillAsync("HAI");
        await page.Locator("#Name").FillAsync("Hospital-acquired infections");
        await page.Locator("#Period-quarter").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save measure" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=done]")).ToContainTextAsync("Measure HAI (Hospital-acquired infections) saved.");
        await Assertions.Expect(page.Locator("[data-testid=measures]")).ToContainTextAsync("Hospital-acquired infections");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record push" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Select a training subject");
        await Axe.AssertAccessibleAsync(page);
        await page.Locator("#SubjectCode").SelectOptionAsync("CSTF-RES");
        await page.Locator("#UnitCode").SelectOptionAsync("WARD-B");
        await page.Locator("#StartsOn").FillAsync("2026-02-02");
        await page.Locator("#Note").FillAsync("Resuscitation week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record push" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=pushes]")).ToContainTextAsync("Ward B (WARD-B)");
        await Assertions.Expect(page.Locator("[data-testid=pushes]")).ToContainTextAsync("2 Feb 2026");
        await page.SetViewportSizeAsync(375, 800);
        await Axe.AssertAccessibleAsync(page);
    }
}
