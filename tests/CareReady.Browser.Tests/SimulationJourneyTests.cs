using CareReady.Core.Data;
using CareReady.Core.Simulation;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>
/// Issue 6's journey: a learner plays the deteriorating-adult simulation with the keyboard-friendly player —
/// vitals chart, NEWS2, the two-step AI protocol — switches to the AI when it is wrong once (over-reliance),
/// sees it named in the debrief, and the educator sees it in the scenario report.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SimulationJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);
        await using var scope = _app.Services.CreateAsyncScope();
        var published = await scope.ServiceProvider.GetRequiredService<PublishScenario>()
            .PublishAsync(_app.Data.OrgA, SimulationPlay.SeedFile("deteriorating-adult.json"), TestData.EducatorEmail);
        Assert.True(published.Succeeded);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_learner_over_relies_once_and_sees_it_in_the_debrief_and_the_educator_sees_it_in_the_report()
    {
        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.LearnerEmail, TestData.Password);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(new Uri(_app.BaseUrl!, "/simulations").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Clinical simulations");
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start The deteriorating adult" }).ClickAsync();

        await Continue(page, "Night shift, Ward 7 (acute medicine)");
        await Assertions.Expect(page.Locator("[data-testid=vitals-chart] svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=vitals-chart] svg")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("02:00: respiration 24"));
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "simulation-vitals");
        await Continue(page, "Bed 3: Mr Okafor, 78");

        // NEWS2, typed with the keyboard.
        await page.GetByLabel("What is Mr Okafor's NEWS2 score").FillAsync("8");
        await page.Keyboard.PressAsync("Enter");

        // Two-step AI protocol: Mr Okafor (the AI is right).
        await AnswerAsync(page, "Emergency response", "80%", "Submit and see the AI");
        await Assertions.Expect(page.Locator("[data-testid=ai-prediction]")).ToContainTextAsync("HIGH risk");
        await AnswerAsync(page, "Emergency response", "90%", "Submit answer");

        await Continue(page, "Bed 5: Mrs Patel, 67");
        await Assertions.Expect(page.Locator(".nhsuk-warning-callout")).ToContainTextAsync("7 hours old");
        await Continue(page, "Mrs Patel: what the AI can see (02:00)");

        // A timed decision: the clock ticks (the text for no-script is hidden), one polite announcement at the minute mark.
        await Assertions.Expect(page.Locator("[data-timer-static]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-timer-announce]")).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(page.Locator("[data-timer-announce]")).ToHaveTextAsync("5 minutes left for this decision.");
        await Assertions.Expect(page.Locator("[data-timer-clock]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"4:5\d left"));
        await Assertions.Expect(page.Locator("[data-timer-announce]")).ToHaveTextAsync("5 minutes left for this decision."); // not every second

        // Mrs Patel: right at first, then switches to the AI's wrong answer.
        await AnswerAsync(page, "New confusion is a red score", "70%", "Submit and see the AI");
        await Assertions.Expect(page.Locator("[data-testid=ai-prediction]")).ToContainTextAsync("LOW risk");
        await Assertions.Expect(page.Locator("[data-testid=ai-data-age]")).ToContainTextAsync("7 hours ago");
        await Assertions.Expect(page.Locator("[data-testid=step]")).ToHaveTextAsync("Step 2 of 2: your final answer");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "simulation-ai-output");
        await AnswerAsync(page, "Her AI risk is low", "60%", "Submit answer");

        await Continue(page, "Bed 8: Mr Jones, 76, COPD");
        await page.GetByLabel("What is Mr Jones's NEWS2 score").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit answer" }).ClickAsync();
        await AnswerAsync(page, "Continue his plan", "60%", "Submit and see the AI");
        await AnswerAsync(page, "Continue his plan", "70%", "Submit answer");
        await page.GetByLabel("Describe both cases").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit answer" }).ClickAsync();

        // Debrief: passed, one over-reliance, named at Mrs Patel's decision.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Debrief");
        await Assertions.Expect(page.Locator("[data-testid=outcome]")).ToContainTextAsync("Passed — 5 of 6 points");
        await Assertions.Expect(page.Locator("[data-testid=over-reliance]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=reliance-feedback]")).ToContainTextAsync("You changed your answer to follow the AI when it was wrong 1 time");
        await Assertions.Expect(page.Locator("[data-testid=debrief-item][data-node=patel-ai] [data-testid=reliance-verdict]")).ToContainTextAsync("Over-reliance");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "simulation-debrief");
        await page.Context.CloseAsync();

        // The educator's report shows it against the decision point and the learner.
        var educator = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.EducatorEmail, TestData.Password);
        await educator.GotoAsync(new Uri(_app.BaseUrl!, "/simulations").ToString());
        await educator.GetByRole(AriaRole.Link, new() { Name = "Educator report for The deteriorating adult" }).ClickAsync();
        await Assertions.Expect(educator.Locator("[data-testid=report-summary]")).ToContainTextAsync("1 completed run by 1 learner");
        var patel = educator.Locator("[data-testid=ai-points] tbody tr", new() { HasText = "Mrs Patel" });
        await Assertions.Expect(patel.Locator("td").Nth(5)).ToContainTextAsync("1");
        var learner = educator.Locator("[data-testid=learners] tbody tr", new() { HasText = "Amara Okafor" });
        await Assertions.Expect(learner.Locator("td").Nth(3)).ToContainTextAsync("1");
        await Axe.AssertAccessibleAsync(educator);
        await Screenshots.SaveAsync(educator, "simulation-report");

        // Uploading a scenario file with errors: each listed with its JSON path on the page.
        await educator.GotoAsync(new Uri(_app.BaseUrl!, "/simulations/authoring").ToString());
        var broken = SimulationPlay.SeedFile("sepsis-screening.json").Replace("\"next\": \"red-flags\"", "\"next\": \"red-flag\"", StringComparison.Ordinal);
        await educator.GetByLabel("Scenario file").SetInputFilesAsync(new FilePayload { Name = "sepsis.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(broken) });
        await educator.GetByRole(AriaRole.Button, new() { Name = "Check and upload" }).ClickAsync();
        await Assertions.Expect(educator.Locator("[data-testid=upload-errors]")).ToContainTextAsync("$.nodes[2].next \"red-flag\" is not the id of a node.");
        await Axe.AssertAccessibleAsync(educator);
        await Screenshots.SaveAsync(educator, "simulation-upload-errors");
    }

    private static async Task Continue(IPage page, string heading)
    {
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    private static async Task AnswerAsync(IPage page, string option, string confidence, string button)
    {
        await page.GetByLabel(option).CheckAsync();
        await page.GetByLabel(confidence, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
    }
}
