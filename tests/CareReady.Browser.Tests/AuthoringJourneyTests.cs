using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Learning;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>An educator writes a new version; a compliance lead approves it; both compare it with the last.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuthoringJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Educator_edits_a_new_version_and_a_compliance_lead_approves_it_after_reading_the_changes()
    {
        var (moduleId, _) = await TestModules.AddAsync(_app, _app.Data.OrgA);
        var educator = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.EducatorEmail, TestData.Password);
        await educator.GotoAsync(_app.BaseUrl + "learning/authoring");
        await Axe.AssertAccessibleAsync(educator);
        await educator.GetByRole(AriaRole.Link, new() { Name = "Version 1 of Adult basic life support" }).ClickAsync();
        await educator.GetByRole(AriaRole.Button, new() { Name = "Start a new version" }).ClickAsync();
        await Assertions.Expect(educator).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/learning/authoring/modules/{moduleId}/versions/2$"));
        await Axe.AssertAccessibleAsync(educator);

        await educator.GetByRole(AriaRole.Link, new() { Name = "Edit lesson 2, Compressions" }).ClickAsync();
        await educator.GetByLabel("Lesson text (Markdown)").FillAsync("Push hard and fast: 5 to 6 cm, 100 to 120 a minute.");
        await Axe.AssertAccessibleAsync(educator);
        await educator.GetByRole(AriaRole.Button, new() { Name = "Save lesson" }).ClickAsync();
        await educator.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(educator.Locator("main")).ToContainTextAsync("In review");

        // The educator cannot approve their own work; a compliance lead reads the changes and approves.
        await Assertions.Expect(educator.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" })).ToHaveCountAsync(0);
        var lead = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.ComplianceEmail, TestData.Password);
        await lead.GotoAsync($"{_app.BaseUrl}learning/authoring/modules/{moduleId}/versions/2");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Assertions.Expect(lead.Locator("ins", new() { HasText = "100 to 120 a minute" })).ToHaveCountAsync(1);
        await Assertions.Expect(lead.Locator("del", new() { HasText = "Push hard and fast." })).ToHaveCountAsync(1);
        await Axe.AssertAccessibleAsync(lead);
        await Screenshots.SaveAsync(lead, "compare-versions");

        await lead.GotoAsync($"{_app.BaseUrl}learning/authoring/modules/{moduleId}/versions/2");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("Published");

        // Learners now get version 2.
        await lead.GotoAsync($"{_app.BaseUrl}learning/modules/{moduleId}");
        await Assertions.Expect(lead.Locator(".nhsuk-caption-l")).ToContainTextAsync("version 2");
    }
}
