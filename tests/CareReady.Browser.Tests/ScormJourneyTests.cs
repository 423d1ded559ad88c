using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Scorm;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>
/// A compliance lead imports the tests' own SCORM 1.2 package through the import page; the nurse opens it
/// from My learning, launches it, and the SCO (in its iframe) reports passed, commits and finishes through the
/// real scorm-again runtime; the module turns complete and the overdue item goes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScormJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_lead_imports_a_scorm_12_package_and_a_nurse_launches_passes_and_completes_it()
    {
        var lead = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.ComplianceEmail, TestData.Password);
        await lead.GotoAsync(_app.BaseUrl + "learning/scorm/import");
        await Axe.AssertAccessibleAsync(lead);
        await lead.GetByLabel("SCORM package").SetInputFilesAsync(new FilePayload
        {
            Name = "sepsis-awareness.zip", MimeType = "application/zip", Buffer = ScormTestPackages.Zip(ScormTestPackages.Scorm12),
        });
        await lead.GetByLabel("Counts for (competency codes)").FillAsync(ScormTestPackages.Competency);
        await lead.GetByLabel("Publish straight away").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("package-imported")).ToContainTextAsync("SCORM-SEPSIS-AWARENESS-SCORM-TEST version 1 (a new module), published");
        await Screenshots.SaveAsync(lead, "scorm-import");

        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.LearnerEmail, TestData.Password, 390, 844);

        // A night-shift learner: Welsh, sound off — handed to the package when it starts.
        await page.GotoAsync(_app.BaseUrl + "learning");
        await page.GetByRole(AriaRole.Link, new() { Name = "E-learning preferences" }).ClickAsync();
        await page.GetByLabel("Language").SelectOptionAsync("cy-GB");
        await page.GetByLabel("Off").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("preferences-saved")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "elearning-preferences");

        await page.GotoAsync(_app.BaseUrl + "learning");
        var overdue = page.Locator(".app-learning-item--overdue", new() { HasText = "Adult Basic Life Support" });
        await Assertions.Expect(overdue).ToContainTextAsync("Sepsis awareness (SCORM test)");
        await overdue.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Start") }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sepsis awareness (SCORM test)");
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Launch") }).ClickAsync();

        // The SCO finds window.API (scorm-again) in its parent, starts afresh and commits its place.
        var sco = page.FrameLocator("#scorm-content");
        await Assertions.Expect(sco.Locator("#where")).ToHaveTextAsync("Started from the beginning.");
        await Assertions.Expect(sco.Locator("#preferences")).ToHaveTextAsync("Language cy-GB; sound off.");
        await Assertions.Expect(page.GetByTestId("scorm-status")).ToHaveTextAsync("Progress saved.");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "scorm-launch");

        // Relaunching resumes at the committed location.
        await page.ReloadAsync();
        await Assertions.Expect(page.FrameLocator("#scorm-content").Locator("#where")).ToHaveTextAsync("Resumed at page-2 (seen=1,2).");

        await page.FrameLocator("#scorm-content").GetByRole(AriaRole.Button, new() { Name = "I have finished: mark as passed" }).ClickAsync();
        await Assertions.Expect(page.FrameLocator("#scorm-content").Locator("#result")).ToHaveTextAsync("Passed: commit true, finish true.");
        await Assertions.Expect(page.GetByTestId("scorm-status")).ToContainTextAsync("Finished.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the module" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("scorm-complete")).ToContainTextAsync("Complete You completed this module on 2 March 2026");
        await Axe.AssertAccessibleAsync(page);

        // Her certificate, linked from the module page.
        await page.GetByTestId("scorm-certificate").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Certificate of completion");
        await Assertions.Expect(page.Locator(".app-certificate")).ToContainTextAsync("completed the e-learning package for");
        await Assertions.Expect(page.Locator(".app-certificate")).ToContainTextAsync("90%");
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync(_app.BaseUrl + "learning");
        await Assertions.Expect(page.Locator(".app-learning-item--overdue", new() { HasText = "Adult Basic Life Support" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Adult Basic Life Support");
    }

    [Fact]
    public async Task A_nurse_takes_a_package_of_several_parts_one_after_the_other()
    {
        var lead = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.ComplianceEmail, TestData.Password);
        await lead.GotoAsync(_app.BaseUrl + "learning/scorm/import");
        await lead.GetByLabel("SCORM package").SetInputFilesAsync(new FilePayload
        {
            Name = "sepsis-parts.zip", MimeType = "application/zip", Buffer = ScormTestPackages.Zip(ScormTestPackages.Scorm12Multi),
        });
        await lead.GetByLabel("Counts for (competency codes)").FillAsync(ScormTestPackages.Competency);
        await lead.GetByLabel("Publish straight away").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await lead.GetByRole(AriaRole.Link, new() { Name = "See the module" }).ClickAsync();
        var moduleUrl = lead.Url;

        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.LearnerEmail, TestData.Password, 390, 844);
        await page.GotoAsync(moduleUrl);
        await Assertions.Expect(page.GetByTestId("scorm-parts")).ToContainTextAsync("Recognising sepsis");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Launch") }).ClickAsync();

        // Part 1 of 3: the SCO passes; the next part is offered.
        await Assertions.Expect(page.Locator(".nhsuk-caption-l")).ToContainTextAsync("part 1 of 3");
        await page.FrameLocator("#scorm-content").GetByRole(AriaRole.Button, new() { Name = "I have finished: mark as passed" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("scorm-status")).ToContainTextAsync("Finished.");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "scorm-parts");
        await page.GetByTestId("scorm-next").ClickAsync();

        // Part 2: the same SCO with its own data (it starts afresh), passed; then the reference card (an asset).
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Escalating sepsis");
        await Assertions.Expect(page.FrameLocator("#scorm-content").Locator("#where")).ToHaveTextAsync("Started from the beginning.");
        await Assertions.Expect(page.GetByTestId("scorm-part-1")).ToHaveTextAsync("Done");
        await page.FrameLocator("#scorm-content").GetByRole(AriaRole.Button, new() { Name = "I have finished: mark as passed" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("scorm-status")).ToContainTextAsync("Finished.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the module" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("scorm-complete")).ToContainTextAsync("You completed this module");
        await Assertions.Expect(page.GetByTestId("scorm-part-2")).ToHaveTextAsync("Done");
        await Axe.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_nurse_is_led_through_a_sequenced_scorm_2004_package_by_its_own_navigation_requests()
    {
        var lead = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.ComplianceEmail, TestData.Password);
        await lead.GotoAsync(_app.BaseUrl + "learning/scorm/import");
        await lead.GetByLabel("SCORM package").SetInputFilesAsync(new FilePayload
        {
            Name = "sepsis-sequenced.zip", MimeType = "application/zip", Buffer = ScormTestPackages.Zip(ScormTestPackages.Scorm2004Sequenced),
        });
        await lead.GetByLabel("Counts for (competency codes)").FillAsync(ScormTestPackages.Competency);
        await lead.GetByLabel("Publish straight away").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await lead.GetByRole(AriaRole.Link, new() { Name = "See the module" }).ClickAsync();
        var moduleUrl = lead.Url;

        var page = await BrowserPages.SignedInAsync(browser.Browser, _app.BaseUrl!, TestData.LearnerEmail, TestData.Password, 390, 844);
        await page.GotoAsync(moduleUrl);
        await Assertions.Expect(page.GetByTestId("scorm-part-3")).ToHaveTextAsync("Locked");
        await Assertions.Expect(page.GetByTestId("scorm-parts").GetByRole(AriaRole.Link, new() { Name = "Final test" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Launch") }).ClickAsync();

        // The pre-test fails: the SCO asks to continue, and the page follows to the learning (the final test stays locked).
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pre-test");
        await Assertions.Expect(page.FrameLocator("#scorm-content").GetByTestId("sco-state")).ToHaveTextAsync("Part pre running");
        await page.FrameLocator("#scorm-content").GetByRole(AriaRole.Button, new() { Name = "Fail and go on" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Learning");
        await Assertions.Expect(page.GetByTestId("scorm-part-1")).ToHaveTextAsync("Optional");
        await Assertions.Expect(page.GetByTestId("scorm-part-3")).ToHaveTextAsync("Locked");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "scorm-sequencing");

        // Passing the learning opens the final test, where the SCO's "continue" leads.
        await page.FrameLocator("#scorm-content").GetByRole(AriaRole.Button, new() { Name = "Pass and go on" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Final test");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sco=3$"));

        // Passing it completes the module; "continue" from the last part returns to the module page.
        await page.FrameLocator("#scorm-content").GetByRole(AriaRole.Button, new() { Name = "Pass and go on" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("scorm-complete")).ToContainTextAsync("You completed this module");
        await Axe.AssertAccessibleAsync(page);
    }
}
