using System.Text;
using CareReady.Core.Data;
using CareReady.Core.Demo;
using CareReady.Core.Identity;
using CareReady.Core.Regulation;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>
/// Issue 8's journey on the demo trust: a compliance lead imports an Atom feed announcing a new edition of a
/// fire-safety guideline the seed module cites, previews whom it touches, requires the updated module by a
/// deadline and sees it applied; a learner whose fire-safety certification rested on the old edition then
/// finds the requirement, with the change named as the reason, in My learning.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RegulationJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>Cited by content/modules/fire-safety/module.yaml, exactly as written there.</summary>
    private const string Source = "HTM 05-01 Managing healthcare fire safety";
    private const string OldVersion = "Second edition, 2013";
    private const string NewVersion = "Third edition, 2026";
    private const string ChangeTitle = "HTM 05-01 third edition: progressive horizontal evacuation and emollient fire risk";
    private const string AffectedEmail = "affected.learner@careready.example";

    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, seed: false, realServer: true);
        await using var scope = _app.Services.CreateAsyncScope();
        var today = DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime);
        await DemoSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
            new DemoOptions(DemoOptions.DefaultSeed, DemoOptions.DefaultStaffCount, today, DemoOptions.DefaultPassword));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Compliance_lead_imports_previews_and_applies_a_guideline_change_and_an_affected_learner_sees_why()
    {
        var (learnerEmail, affectedBefore) = await AffectedLearnerAsync();
        Assert.True(affectedBefore > 0);

        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, DemoSeeder.ComplianceEmail, DemoOptions.DefaultPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Regulation", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Regulatory and guideline changes");
        await Assertions.Expect(page.Locator("[data-testid=source]", new() { HasText = Source })).ToContainTextAsync(OldVersion);
        await Axe.AssertAccessibleAsync(page);

        // Import: one entry proposes the change, one about a guideline nobody cites is skipped.
        await page.GetByRole(AriaRole.Button, new() { Name = "Import a feed" }).ClickAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel("Feed file").SetInputFilesAsync(new FilePayload { Name = "fire-changes.atom", MimeType = "application/atom+xml", Buffer = Encoding.UTF8.GetBytes(Feed) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=feed-imported]")).ToContainTextAsync("1 change proposed, 1 skipped");
        await Assertions.Expect(page.Locator("[data-testid=feed-skipped]")).ToContainTextAsync("none of your content cites");
        await Axe.AssertAccessibleAsync(page);

        // The registry lists it as proposed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the list of changes" }).ClickAsync();
        var row = page.Locator("[data-testid=changes] tbody tr", new() { HasText = ChangeTitle });
        await Assertions.Expect(row).ToContainTextAsync("Proposed");

        // Preview: the citing module and a non-zero number of people, counted three ways.
        await row.GetByRole(AriaRole.Link, new() { Name = ChangeTitle }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(ChangeTitle);
        await Assertions.Expect(page.Locator("[data-testid=citing-content]")).ToContainTextAsync("FIRE-SAFETY");
        var people = await page.Locator("[data-testid=people-affected]").InnerTextAsync();
        var count = int.Parse(people.Split(' ')[0].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(affectedBefore, count);
        await Assertions.Expect(page.Locator("[data-testid=by-department] tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=by-staff-group] tbody tr").First).ToBeVisibleAsync();
        var departments = page.Locator("[data-testid=by-department] tbody tr");
        var total = 0;
        foreach (var cell in await departments.Locator("td:last-child").AllTextContentsAsync())
        {
            total += int.Parse(cell.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.True(total >= count, $"departments add up to {total}, fewer than the {count} people affected");
        await Assertions.Expect(page.Locator("[data-testid=by-competency]")).ToContainTextAsync("CSTF-FIRE-1");
        await Assertions.Expect(page.Locator("[data-testid=apply-warning]")).ToContainTextAsync(people.Trim());
        await Axe.AssertAccessibleAsync(page);

        // The list downloads as CSV, one row per certification.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the list (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("Employee number,Last name,First name", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > count);

        // Apply: require the updated module by a deadline.
        await page.GetByLabel("Require the updated module by a deadline").CheckAsync();
        await page.Locator("#Deadline-day").FillAsync("1");
        await page.Locator("#Deadline-month").FillAsync("6");
        await page.Locator("#Deadline-year").FillAsync("2026");
        await Screenshots.SaveAsync(page, "regulation-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply the change" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=banner]")).ToContainTextAsync("Change applied");
        await Assertions.Expect(page.Locator("[data-testid=change-status]")).ToHaveTextAsync("Applied");
        await Assertions.Expect(page.Locator("[data-testid=change-details]")).ToContainTextAsync("Updated module required by a deadline (1 June 2026)");
        await Assertions.Expect(page.Locator("[data-testid=undo-form]")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync(_app.BaseUrl + "regulation");
        await Assertions.Expect(page.Locator("[data-testid=changes] tbody tr", new() { HasText = ChangeTitle })).ToContainTextAsync("Applied");
        await Assertions.Expect(page.Locator("[data-testid=flags]")).ToContainTextAsync("FIRE-SAFETY");

        // The affected learner sees the requirement, with the change as the reason and the deadline.
        var learner = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, learnerEmail, DemoOptions.DefaultPassword, 390, 844);
        await learner.GotoAsync(_app.BaseUrl + "learning");
        var item = learner.Locator(".app-learning-item", new() { Has = learner.Locator("[data-testid=change-reason]") });
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item.Locator("h3")).ToContainTextAsync("Fire Safety");
        await Assertions.Expect(item.Locator("[data-testid=change-reason]")).ToContainTextAsync(ChangeTitle);
        await Assertions.Expect(item.Locator("[data-testid=change-reason]")).ToContainTextAsync($"{Source} changed from {OldVersion} to {NewVersion}");
        await Assertions.Expect(item).ToContainTextAsync("1 June 2026");
        await Axe.AssertAccessibleAsync(learner);
        await SaveViewportAsync(learner, item, "regulation-my-learning");

        // …and was told: a change notice waits on her Notifications page.
        await learner.GotoAsync(_app.BaseUrl + "notifications");
        await Assertions.Expect(learner.Locator("main")).ToContainTextAsync($"{ChangeTitle}: take the updated training by 1 June 2026");
    }

    /// <summary>Like <see cref="Screenshots.SaveAsync"/>, but only the phone's screen with the item in view (the history below is long).</summary>
    private static async Task SaveViewportAsync(IPage page, ILocator item, string name)
    {
        var folder = Environment.GetEnvironmentVariable("CAREREADY_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await item.EvaluateAsync("e => window.scrollTo(0, Math.max(0, e.getBoundingClientRect().top + window.scrollY - 120))");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }

    /// <summary>
    /// The demo learner when her fire-safety certification rests on the seed module's published version; otherwise the
    /// first affected person (by id) gets a learner account. Also returns how many people the change touches today.
    /// </summary>
    private async Task<(string Email, int Affected)> AffectedLearnerAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organisationId = await db.Organisations.Select(o => o.Id).SingleAsync();
        var today = DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime);
        var affected = (await (await AffectedCertifications.QueryAsync(db, organisationId, Source, OldVersion, today)).ToListAsync()).Select(a => a.StaffMemberId).Distinct().Order().ToList();
        Assert.NotEmpty(affected);
        var demoLearner = await db.Users.Where(u => u.Email == DemoSeeder.LearnerEmail).Select(u => u.StaffMemberId).SingleAsync();
        if (demoLearner is int own && affected.Contains(own))
        {
            return (DemoSeeder.LearnerEmail, affected.Count);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = AffectedEmail, Email = AffectedEmail, EmailConfirmed = true, OrganisationId = organisationId, StaffMemberId = affected[0] };
        var created = await users.CreateAsync(user, DemoOptions.DefaultPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Learner);
        return (AffectedEmail, affected.Count);
    }

    private const string Feed = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Healthcare fire safety guidance</title>
          <id>urn:example:fire-guidance</id>
          <updated>2026-02-20T09:00:00Z</updated>
          <entry>
            <title>{ChangeTitle}</title>
            <id>urn:example:fire-guidance:htm-05-01:2026</id>
            <link href="https://www.example.org/htm-05-01/third-edition"/>
            <updated>2026-02-20T09:00:00Z</updated>
            <summary>Progressive horizontal evacuation is now the default on every inpatient ward; paraffin-based and paraffin-free emollients on dressings and bedding are both treated as a fire risk.</summary>
            <category scheme="urn:careready:guideline-source" term="{Source}"/>
            <category scheme="urn:careready:guideline-version" term="{NewVersion}"/>
            <category scheme="urn:careready:replaces-version" term="{OldVersion}"/>
            <category scheme="urn:careready:severity" term="update-training"/>
            <category scheme="urn:careready:effective-from" term="2026-04-01"/>
          </entry>
          <entry>
            <title>Fire door signage guidance, 2026 revision</title>
            <id>urn:example:fire-guidance:signage:2026</id>
            <updated>2026-02-18T09:00:00Z</updated>
            <category scheme="urn:careready:guideline-source" term="Fire door signage guidance"/>
            <category scheme="urn:careready:guideline-version" term="2026"/>
          </entry>
        </feed>
        """;
}
