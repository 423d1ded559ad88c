using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Learning;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>A nurse on a phone: from "My learning" through the lessons and the assessment to the certificate.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LearningJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Learner_on_a_phone_reads_the_lessons_passes_the_assessment_and_gets_a_certificate()
    {
        await TestModules.AddAsync(_app, _app.Data.OrgA);
        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.LearnerEmail, TestData.Password, 390, 844);
        await page.GotoAsync(_app.BaseUrl + "learning");
        var overdue = page.Locator(".app-learning-item--overdue", new() { HasText = "Adult Basic Life Support" });
        await Assertions.Expect(overdue).ToContainTextAsync("Adult BLS — clinical staff");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "my-learning");
        await overdue.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Start") }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Adult basic life support");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start the lessons" }).ClickAsync();
        await Assertions.Expect(page.Locator(".markdown-alert-warning")).ToContainTextAsync("Do not delay.");
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Next") }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the assessment" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Take the assessment" }).ClickAsync();

        // Submitting with nothing answered names every question.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary li")).ToHaveCountAsync(4);
        await Axe.AssertAccessibleAsync(page);

        foreach (var question in await page.Locator("fieldset").AllAsync())
        {
            var text = await question.Locator("legend").InnerTextAsync();
            if (text.Contains("First thing to check", StringComparison.Ordinal)) { await question.GetByLabel("Danger", new() { Exact = true }).CheckAsync(); }
            else if (text.Contains("Signs of cardiac arrest", StringComparison.Ordinal))
            {
                await question.GetByLabel("Unresponsive", new() { Exact = true }).CheckAsync();
                await question.GetByLabel("Not breathing normally", new() { Exact = true }).CheckAsync();
            }
            else if (text.Contains("Agonal gasps", StringComparison.Ordinal)) { await question.GetByLabel("True", new() { Exact = true }).CheckAsync(); }
            else if (text.Contains("Compressions before", StringComparison.Ordinal)) { await question.GetByLabel("Your answer").FillAsync("30"); }
            else if (text.Contains("Order the steps", StringComparison.Ordinal))
            {
                await question.GetByLabel("Check for danger").SelectOptionAsync("1");
                await question.GetByLabel("Check for a response").SelectOptionAsync("2");
                await question.GetByLabel("Call for help").SelectOptionAsync("3");
            }
            else if (text.Contains("Compression depth", StringComparison.Ordinal)) { await question.GetByLabel("5–6 cm").CheckAsync(); }
            else { Assert.Fail("Unexpected question: " + text); }
        }

        await Screenshots.SaveAsync(page, "assessment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You passed");
        await Assertions.Expect(page.Locator(".app-answer--right")).ToHaveCountAsync(4);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "result");

        await page.GetByRole(AriaRole.Link, new() { Name = "View your certificate" }).ClickAsync();
        await Assertions.Expect(page.Locator(".app-certificate")).ToContainTextAsync("Amara Okafor");
        await Axe.AssertAccessibleAsync(page);

        // Back in My learning: no longer overdue, and in the history.
        await page.GotoAsync(_app.BaseUrl + "learning");
        await Assertions.Expect(page.Locator(".app-learning-item--overdue", new() { HasText = "Adult Basic Life Support" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "View certificate" })).ToHaveCountAsync(1);
    }
}
