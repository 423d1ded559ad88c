using System.IO.Compression;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests.Cmi5;

/// <summary>
/// A compliance lead imports a small cmi5 course written for this test (Cmi5/course, zipped here);
/// the learner launches its AU, which fetches its token, reads LMS.LaunchData and reports initialized,
/// completed, passed and terminated; the course is satisfied and the module's training completes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Cmi5JourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_course_we_wrote_is_imported_launched_and_completed_and_the_module_turns_complete()
    {
        var lead = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.ComplianceEmail, TestData.Password);
        await lead.GotoAsync(_app.BaseUrl + "learning/cmi5/import");
        await Axe.AssertAccessibleAsync(lead);
        await lead.Locator("#Package").SetInputFilesAsync(new FilePayload { Name = "clean-hands.zip", MimeType = "application/zip", Buffer = CourseZip() });
        await lead.GetByLabel("What it counts for (competency codes, separated by commas)").FillAsync("CSTF-IPC-1");
        await lead.GetByLabel("Publish the new module at once").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Import the course" }).ClickAsync();
        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync("Clean hands (cmi5 test course)");
        var courseUrl = lead.Url;
        var moduleHref = await lead.Locator(".nhsuk-caption-l a").GetAttributeAsync("href");

        // The learner, on a phone, opens the module and launches the course.
        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.LearnerEmail, TestData.Password, 390, 844);
        await page.GotoAsync(_app.BaseUrl + moduleHref!.TrimStart('/'));
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Launch the course") }).ClickAsync();
        Assert.Equal(courseUrl, page.Url);
        await Assertions.Expect(page.Locator("[data-testid=au-status-1]")).ToHaveTextAsync("Not started or not finished");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "cmi5-course");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Launch") }).ClickAsync();

        // The AU: token, launch data, initialized; the learner answers; passed and terminated.
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Answer the question, then choose Finish.");
        await page.GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("You passed.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Return to CareReady" }).ClickAsync();

        Assert.Equal(courseUrl, page.Url);
        await Assertions.Expect(page.Locator("[data-testid=course-satisfied]")).ToContainTextAsync("You completed this course");
        await Assertions.Expect(page.Locator("[data-testid=au-status-1]")).ToHaveTextAsync("Done");
        await Axe.AssertAccessibleAsync(page);

        // Review: the AU opens again in Review mode and records nothing.
        await page.Locator("[data-testid=review-1]").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Answer the question, then choose Finish.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Review finished: nothing was recorded.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Return to CareReady" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=au-status-1]")).ToHaveTextAsync("Done");

        // The module's competency is complete in the learner's history.
        await using var db = _app.NewDbContext();
        var competency = await db.Competencies.AsNoTracking().Where(c => c.Code == "CSTF-IPC-1").Select(c => new { c.Id, c.Name }).SingleAsync();
        Assert.Equal(1, await db.Completions.CountAsync(c => c.StaffMemberId == _app.Data.NurseA.Id && c.CompetencyId == competency.Id && c.ModuleVersionId != null));
        Assert.Equal(2, await db.XapiStatements.CountAsync(s => s.VerbId == CareReady.Core.Cmi5.Cmi5Vocabulary.Satisfied)); // the block and the course
        await page.GotoAsync(_app.BaseUrl + "learning");
        await Assertions.Expect(page.Locator("table", new() { HasText = "Completed" })).ToContainTextAsync(competency.Name);
    }

    /// <summary>The course's source folder (committed beside this file), zipped.</summary>
    private static byte[] CourseZip()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareReady.slnx")))
        {
            dir = dir.Parent;
        }

        var source = Path.Combine(dir!.FullName, "tests", "CareReady.Browser.Tests", "Cmi5", "course");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                zip.CreateEntryFromFile(file, Path.GetRelativePath(source, file).Replace('\\', '/'));
            }
        }

        return buffer.ToArray();
    }
}
