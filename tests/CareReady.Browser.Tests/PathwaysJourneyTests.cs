using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Pathways;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>A nurse on a phone: her plan with its reasons, a refresher session, and the question's due date moving.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PathwaysJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Learner_on_a_phone_sees_her_plan_with_reasons_does_a_refresher_session_and_the_due_date_moves()
    {
        await PathwayWorld.SetUpAsync(_app);
        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.LearnerEmail, TestData.Password, 390, 844);
        await page.GotoAsync(_app.BaseUrl + "pathways");

        var items = page.GetByTestId("plan-item");
        await Assertions.Expect(items).ToHaveCountAsync(5);
        await Assertions.Expect(items.Nth(0)).ToContainTextAsync("Adult Basic Life Support");
        await Assertions.Expect(items.Nth(0).GetByTestId("plan-reason")).ToContainTextAsync("you are overdue. It protects patients, so it comes first.");
        await Assertions.Expect(items.Nth(1).GetByTestId("plan-reason")).ToContainTextAsync("6 questions on safety-critical subjects (Resuscitation) due today");
        await Assertions.Expect(items.Nth(2).GetByTestId("plan-reason")).ToContainTextAsync("Expires on 22 March 2026, in 20 days");
        await Assertions.Expect(items.Nth(3).GetByTestId("plan-reason")).ToContainTextAsync("Step 1 of 2 of your pathway “AI champion” (assigned to Ward A on 2 March 2026)");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "my-plan");

        await page.GetByTestId("refresher-summary").GetByRole(AriaRole.Link, new() { Name = "Start a refresher session" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Refresher session");
        await Axe.AssertAccessibleAsync(page);

        // Checking with no answer says what is missing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my answer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();

        await AnswerRightAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my answer" }).ClickAsync();
        var result = page.GetByTestId("refresher-result");
        await Assertions.Expect(result.Locator("h2")).ToHaveTextAsync("Right");
        await Assertions.Expect(result.GetByTestId("next-due")).ToContainTextAsync("It was due on 2 March 2026. It now comes back on");
        var moved = await result.GetByTestId("next-due").Locator("strong").InnerTextAsync();
        Assert.NotEqual("2 March 2026", moved);
        Assert.True(DateOnly.Parse(moved, System.Globalization.CultureInfo.GetCultureInfo("en-GB")) > new DateOnly(2026, 3, 2), moved);
        await Assertions.Expect(page.Locator(".nhsuk-caption-l")).ToHaveTextAsync("1 of 8 today");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "refresher");

        // The rest of today's due questions, then the session is done and the plan says when the next one is due.
        for (var i = 0; i < 5; i++)
        {
            await AnswerRightAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Check my answer" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("refresher-result").Locator("h2")).ToHaveTextAsync("Right");
        }

        await Assertions.Expect(page.GetByTestId("session-done")).ToContainTextAsync("Nothing is due right now.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to my plan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("next-refresher")).ToContainTextAsync("Your next refresher question is due on");
        await Assertions.Expect(page.GetByTestId("plan-item").Filter(new() { HasText = "Refresher questions" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Educator_on_a_phone_chooses_safety_critical_subjects_and_a_learner_opts_into_the_refresher_digest()
    {
        await PathwayWorld.SetUpAsync(_app);
        var educator = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.EducatorEmail, TestData.Password, 390, 844);
        await educator.GotoAsync(_app.BaseUrl + "pathways/manage#safety-subjects");
        var resuscitation = educator.GetByLabel("Resuscitation (CSTF-RES)");
        await Assertions.Expect(resuscitation).ToBeCheckedAsync();
        await Axe.AssertAccessibleAsync(educator);
        await resuscitation.UncheckAsync();
        await educator.GetByRole(AriaRole.Button, new() { Name = "Save safety-critical subjects" }).ClickAsync();
        await Assertions.Expect(educator.GetByTestId("pathways-message")).ToContainTextAsync("Safety-critical subjects: CSTF-FIRE, CSTF-IPC, CSTF-MH, CSTF-SGA, CSTF-SGC.");
        await Assertions.Expect(educator.GetByLabel("Resuscitation (CSTF-RES)")).Not.ToBeCheckedAsync();
        await Axe.AssertAccessibleAsync(educator);

        var learner = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.LearnerEmail, TestData.Password, 390, 844);
        await learner.GotoAsync(_app.BaseUrl + "pathways");
        await Assertions.Expect(learner.GetByTestId("plan-item").Filter(new() { HasText = "Refresher questions" })).ToHaveCountAsync(0);
        await learner.GotoAsync(_app.BaseUrl + "notifications/preferences");
        var digest = learner.GetByLabel("Weekly refresher digest");
        await Assertions.Expect(digest).Not.ToBeCheckedAsync();
        await digest.CheckAsync();
        await learner.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(learner.GetByText("Your email preferences are saved.")).ToBeVisibleAsync();
        await Assertions.Expect(learner.GetByLabel("Weekly refresher digest")).ToBeCheckedAsync();
        await Axe.AssertAccessibleAsync(learner);
    }

    private static async Task AnswerRightAsync(IPage page)
    {
        var question = page.Locator("fieldset[data-question-key]");
        switch (await question.GetAttributeAsync("data-question-key"))
        {
            case "Q1": await question.GetByLabel("Danger", new() { Exact = true }).CheckAsync(); break;
            case "Q2":
                await question.GetByLabel("Unresponsive", new() { Exact = true }).CheckAsync();
                await question.GetByLabel("Not breathing normally", new() { Exact = true }).CheckAsync();
                break;
            case "Q3": await question.GetByLabel("True", new() { Exact = true }).CheckAsync(); break;
            case "Q4": await question.GetByLabel("Your answer").FillAsync("30"); break;
            case "Q5":
                await question.GetByLabel("Check for danger").SelectOptionAsync("1");
                await question.GetByLabel("Check for a response").SelectOptionAsync("2");
                await question.GetByLabel("Call for help").SelectOptionAsync("3");
                break;
            case "Q6": await question.GetByLabel("5–6 cm").CheckAsync(); break;
            case var key: Assert.Fail("Unexpected question " + key); break;
        }
    }
}
