using System.Text.Json;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>
/// A ward manager observes a nurse's basic life support, records it against the checklist and signs it
/// off; the nurse's BLS is compliant only once the e-learning completion exists as well.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ObservedAssessmentJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Manager_signs_off_the_BLS_observation_and_the_requirement_turns_compliant_only_with_the_module_too()
    {
        await using (var db = _app.NewDbContext())
        {
            var rule = await db.RequirementRules.SingleAsync(r => r.Id == _app.Data.ResusRule.Id);
            rule.RequiresObservation = true;
            await db.SaveChangesAsync();
        }

        var page = await (await browser.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(_app.BaseUrl + "account/login");
        await page.GetByLabel("Email address").FillAsync(TestData.ManagerEmail);
        await page.GetByLabel("Password").FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "My team" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Amara Okafor" }).ClickAsync();

        var rows = page.Locator("[data-testid=requirements] tbody tr");
        var observed = rows.Filter(new() { HasText = "Level 2 Adult Basic Life Support — observed practice" });
        var elearning = rows.Filter(new() { HasText = "Level 2 Adult Basic Life Support" }).Filter(new() { HasNotText = "observed practice" });
        await Assertions.Expect(observed.Locator(".nhsuk-tag")).Not.ToHaveTextAsync("Up to date");
        await Assertions.Expect(elearning.Locator(".nhsuk-tag")).Not.ToHaveTextAsync("Up to date");
        await Axe.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Record an observed assessment" }).ClickAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Resuscitation — Level 2 Adult Basic Life Support — observed practice" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Compresses at a rate of 100–120 per minute")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        // One criterion left unticked: sign-off is refused, with the error summary naming it.
        var boxes = page.Locator("input[name=Met]");
        var count = await boxes.CountAsync();
        for (var i = 0; i < count; i++)
        {
            if (i != 5)
            {
                await boxes.Nth(i).CheckAsync();
            }
        }

        await page.GetByLabel("Comments (optional)").FillAsync("Confident and safe; good hand-over");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign off" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Every criterion must be met to sign off");
        await Axe.AssertAccessibleAsync(page);

        // Every criterion ticked: signed off, back on the person page.
        for (var i = 0; i < count; i++)
        {
            await boxes.Nth(i).CheckAsync();
        }

        await Screenshots.SaveAsync(page, "observed-assessment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign off" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=observed-assessments]")).ToContainTextAsync("Signed off");
        await Assertions.Expect(observed.Locator(".nhsuk-tag")).ToHaveTextAsync("Up to date");
        await Assertions.Expect(elearning.Locator(".nhsuk-tag")).Not.ToHaveTextAsync("Up to date");
        await Axe.AssertAccessibleAsync(page);
        Assert.Equal(0, await ResusCompliantAsync(page));

        // The e-learning is passed as well: now the subject is met.
        await using (var db = _app.NewDbContext())
        {
            var module = await db.Competencies.SingleAsync(c => c.Code == "CSTF-RES-2A");
            db.Completions.Add(new Completion
            {
                OrganisationId = _app.Data.OrgA, StaffMemberId = _app.Data.NurseA.Id, CompetencyId = module.Id,
                CompletedOn = new DateOnly(2026, 2, 20), Source = CompletionSource.Module, RecordedAt = TestApp.DefaultNow.UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        await page.ReloadAsync();
        await Assertions.Expect(elearning.Locator(".nhsuk-tag")).ToHaveTextAsync("Up to date");
        await Assertions.Expect(observed.Locator(".nhsuk-tag")).ToHaveTextAsync("Up to date");
        await Axe.AssertAccessibleAsync(page);
        Assert.Equal(1, await ResusCompliantAsync(page));
    }

    private async Task<int> ResusCompliantAsync(IPage page)
    {
        var response = await page.Context.APIRequest.GetAsync(_app.BaseUrl + "api/v1/compliance/summary");
        Assert.True(response.Ok);
        var summary = JsonDocument.Parse(await response.TextAsync()).RootElement;
        return summary.GetProperty("subjects").EnumerateArray()
            .Single(s => s.GetProperty("subjectCode").GetString() == "CSTF-RES").GetProperty("compliant").GetInt32();
    }
}
