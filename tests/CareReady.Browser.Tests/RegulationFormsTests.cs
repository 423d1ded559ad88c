using System.Text;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>The regulation pages refuse other roles, and their forms explain every problem in the NHS error summary.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegulationFormsTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Managers_get_no_regulation_menu_and_403_on_its_pages()
    {
        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.ManagerEmail, TestData.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Regulation", Exact = true })).ToHaveCountAsync(0);
        foreach (var path in new[] { "regulation", "regulation/changes/new", "regulation/feed", "regulation/changes/1" })
        {
            var response = await page.GotoAsync(_app.BaseUrl + path);
            Assert.Equal(403, response!.Status);
        }
    }

    [Fact]
    public async Task Propose_and_feed_forms_show_field_errors_and_a_malformed_feed_imports_nothing()
    {
        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.ComplianceEmail, TestData.Password);
        await page.GotoAsync(_app.BaseUrl + "regulation/changes/new");
        await page.Locator("#EffectiveFrom-day").FillAsync("31");
        await page.Locator("#EffectiveFrom-month").FillAsync("2");
        await page.Locator("#EffectiveFrom-year").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose the change" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("In force from (optional) must be a real date");
        await Axe.AssertAccessibleAsync(page);

        await page.Locator("#EffectiveFrom-day").FillAsync("");
        await page.Locator("#EffectiveFrom-month").FillAsync("");
        await page.Locator("#EffectiveFrom-year").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose the change" }).ClickAsync();
        var summary = page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Choose the guideline or regulation that changed");
        await Assertions.Expect(summary).ToContainTextAsync("Give the change a title");
        await Assertions.Expect(page.Locator("#SourceName").Locator("xpath=..").Locator(".nhsuk-error-message")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync(_app.BaseUrl + "regulation/feed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Choose a feed file to upload, or give the address of the feed");
        await page.GetByLabel("Address of the feed").FillAsync("ftp://example.org/feed.xml");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("starting with https:// or http://");
        await page.GetByLabel("Address of the feed").FillAsync("");

        await page.GetByLabel("Feed file").SetInputFilesAsync(new FilePayload
        {
            Name = "broken.atom", MimeType = "application/atom+xml",
            Buffer = Encoding.UTF8.GetBytes("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title><entry><title>No categories</title><id>urn:x:1</id></entry></feed>"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        var errors = page.Locator("[data-testid=feed-errors]");
        await Assertions.Expect(errors).ToContainTextAsync("Nothing was proposed");
        await Assertions.Expect(errors).ToContainTextAsync("Entry 1 (\"No categories\"): it does not name the guideline");
        await Axe.AssertAccessibleAsync(page);
    }
}
