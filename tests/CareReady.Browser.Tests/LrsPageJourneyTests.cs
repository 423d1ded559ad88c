using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>The Learning Record Store page: reached from the admin menu, accessible, a client created, and hidden from learners.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LrsPageJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_admin_opens_the_lrs_page_from_the_menu_and_creates_a_client()
    {
        var learner = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.LearnerEmail, TestData.Password);
        await Assertions.Expect(learner.GetByRole(AriaRole.Link, new() { Name = "Learning records", Exact = true })).ToHaveCountAsync(0);

        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.AdminEmail, TestData.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Learning records", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Learning Record Store", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ClientName-error")).ToContainTextAsync("Enter a name for the client");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("Client name").FillAsync("Moodle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Moodle");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "lrs-admin");

        await page.SetViewportSizeAsync(375, 800);
        await Axe.AssertAccessibleAsync(page);
    }
}
