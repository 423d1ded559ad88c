using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>A nurse rates her AI capability and asks her manager, who returns it once (a comment is required) and then confirms.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SelfAssessmentJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Evaluating = "fieldset[id='Rating-AIDHT-D6.3']";

    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await (await browser.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(_app.BaseUrl + "account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task Learner_requests_confirmation_and_the_manager_returns_then_confirms()
    {
        var learner = await SignInAsync(TestData.LearnerEmail);
        await learner.GetByRole(AriaRole.Link, new() { Name = "Self-assessment: rate your AI and digital capability" }).ClickAsync();
        await Axe.AssertAccessibleAsync(learner);

        // Asking without choosing who: the error summary says so.
        await learner.Locator(Evaluating).GetByLabel("Level 2").CheckAsync();
        await learner.GetByRole(AriaRole.Button, new() { Name = "Request confirmation" }).ClickAsync();
        await Assertions.Expect(learner.Locator(".nhsuk-error-summary")).ToContainTextAsync("Choose who to ask");
        await Axe.AssertAccessibleAsync(learner);

        await learner.Locator(Evaluating).GetByLabel("Level 2").CheckAsync();
        await learner.GetByLabel("Who should confirm it").SelectOptionAsync(new SelectOptionValue { Label = "manager (Line manager)" });
        await learner.GetByRole(AriaRole.Button, new() { Name = "Request confirmation" }).ClickAsync();
        await Assertions.Expect(learner.GetByText("Your self-assessment is saved.")).ToBeVisibleAsync();
        await Assertions.Expect(learner.Locator(Evaluating)).ToContainTextAsync("waiting for confirmation");

        var manager = await SignInAsync(TestData.ManagerEmail);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Self-assessments waiting for you to confirm" }).ClickAsync();
        var card = manager.Locator(".nhsuk-card", new() { HasText = "Amara Okafor" });
        await Assertions.Expect(card).ToContainTextAsync("Level 2");
        await Axe.AssertAccessibleAsync(manager);
        await card.GetByRole(AriaRole.Button, new() { Name = "Return with comment" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".nhsuk-error-summary")).ToContainTextAsync("Say why you are returning it");
        await Axe.AssertAccessibleAsync(manager);
        await manager.Locator(".nhsuk-card", new() { HasText = "Amara Okafor" }).GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("Self-assessment confirmed.")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByText("Nobody is waiting for you to confirm a self-assessment.")).ToBeVisibleAsync();

        await learner.ReloadAsync();
        await Assertions.Expect(learner.Locator(Evaluating)).ToContainTextAsync("confirmed");
        await Axe.AssertAccessibleAsync(learner);
    }
}
