using System.Globalization;
using CareReady.Core.Data;
using CareReady.Core.Demo;
using CareReady.Core.Identity;
using CareReady.Core.Learning;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>
/// The demo trust as shipped: its learner takes the seed module for something overdue, fails once, passes,
/// and both "My learning" and the manager's view of her turn compliant.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoLearnerJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
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
    public async Task Demo_learner_fails_then_passes_an_overdue_module_and_turns_compliant_for_herself_and_her_manager()
    {
        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, DemoSeeder.LearnerEmail, DemoOptions.DefaultPassword, 390, 844);
        await page.GotoAsync(_app.BaseUrl + "learning");
        var overdue = page.Locator(".app-learning-item--overdue", new() { Has = page.Locator("a.nhsuk-button") }).First;
        var subject = (await overdue.Locator("h3").InnerTextAsync()).Trim();
        await overdue.Locator("a.nhsuk-button").ClickAsync();
        var moduleUrl = page.Url;

        await page.GetByRole(AriaRole.Button, new() { Name = "Take the assessment" }).ClickAsync();
        await AnswerAsync(page, right: false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You did not pass this time");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You have 2 attempts left");
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync(moduleUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Take the assessment" }).ClickAsync();
        await AnswerAsync(page, right: true);
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You passed");

        await page.GotoAsync(_app.BaseUrl + "learning");
        await Assertions.Expect(page.Locator(".app-learning-item--overdue", new() { HasText = subject })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "View certificate" }).First).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        // Her manager's team view shows the subject up to date.
        var learnerId = await StaffIdAsync(DemoSeeder.LearnerEmail);
        var manager = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, DemoSeeder.ManagerEmail, DemoOptions.DefaultPassword);
        await manager.GotoAsync($"{_app.BaseUrl}people/{learnerId}");
        var row = manager.Locator("[data-testid=requirements] tbody tr", new() { HasText = subject.Split(" — ")[0] }).First;
        await Assertions.Expect(row).ToContainTextAsync("Up to date");
    }

    /// <summary>Answers every question on the page from the module's own question bank, all right or all wrong.</summary>
    private async Task AnswerAsync(IPage page, bool right)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var fieldset in await page.Locator("fieldset[data-question-key]").AllAsync())
        {
            var key = await fieldset.GetAttributeAsync("data-question-key");
            var position = await fieldset.GetAttributeAsync("data-position");
            var q = await db.Questions.AsNoTracking().Where(x => x.Key == key).OrderByDescending(x => x.Id).FirstAsync();
            switch (q.Type)
            {
                case QuestionType.Single:
                case QuestionType.Multiple:
                    var choose = q.Options.Select((o, i) => (o, i)).Where(x => x.o.Correct == right).Select(x => x.i).ToList();
                    foreach (var i in right ? choose : choose.Take(1))
                    {
                        await fieldset.Locator($"input[value='{i}']").CheckAsync();
                    }

                    break;
                case QuestionType.TrueFalse:
                    await fieldset.Locator($"input[value='{((q.TrueFalseAnswer == true) == right ? "true" : "false")}']").CheckAsync();
                    break;
                case QuestionType.Numeric:
                    var answer = right ? q.NumericAnswer!.Value : q.NumericAnswer!.Value + (q.Tolerance ?? 0) + 1000;
                    await fieldset.Locator("input[type=text]").FillAsync(answer.ToString(CultureInfo.InvariantCulture));
                    break;
                case QuestionType.Ordering:
                    for (var i = 0; i < q.Items.Count; i++)
                    {
                        var place = right ? i + 1 : q.Items.Count - i;
                        await fieldset.Locator($"#o{position}_{i}").SelectOptionAsync(place.ToString(CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }
    }

    private async Task<int> StaffIdAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.StaffMemberId!.Value).SingleAsync();
    }
}
