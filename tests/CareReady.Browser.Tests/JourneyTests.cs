using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>Real Chromium against the real server: sign-in per role, navigation, import errors, accessibility.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(DatabaseProvider.Sqlite, realServer: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string[]> RoleNavigation => new()
    {
        { TestData.LearnerEmail, ["Home", "My plan", "My learning", "My record", "Simulations", "Competencies"] },
        { TestData.ManagerEmail, ["Home", "My plan", "My learning", "My record", "Simulations", "My team", "Compliance", "Certificates", "Evidence pack", "Departments", "Requirement rules", "Analytics", "Competencies", "Pathways"] },
        { TestData.EducatorEmail, ["Home", "My plan", "My learning", "My record", "Simulations", "Requirement rules", "Competencies", "Authoring", "Pathways"] },
        { TestData.ComplianceEmail, ["Home", "My plan", "My learning", "My record", "Simulations", "People", "Compliance", "Certificates", "Evidence pack", "Departments", "Requirement rules", "Analytics", "Competencies", "Authoring", "Pathways", "Regulation", "Learning records"] },
        { TestData.AdminEmail, ["Home", "My plan", "My learning", "My record", "Simulations", "People", "Compliance", "Certificates", "Evidence pack", "Departments", "Requirement rules", "Analytics", "Competencies", "Authoring", "Pathways", "Regulation", "Learning records", "Import staff"] },
    };

    [Theory]
    [MemberData(nameof(RoleNavigation))]
    public async Task Each_role_signs_in_and_sees_its_navigation(string email, string[] expected)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email);

        var links = await page.Locator("nav.nhsuk-header__navigation a.nhsuk-header__navigation-link").AllInnerTextsAsync();
        Assert.Equal(expected, links.Select(l => l.Trim()));
        await Axe.AssertAccessibleAsync(page);

        // Every page in the navigation opens and passes axe.
        foreach (var href in await page.Locator("nav.nhsuk-header__navigation a.nhsuk-header__navigation-link").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
        {
            var response = await page.GotoAsync(_app.BaseUrl + href.TrimStart('/'));
            Assert.True(response!.Ok, $"{href} answered {response.Status} for {email}");
            await Axe.AssertAccessibleAsync(page);
        }
    }

    [Fact]
    public async Task Manager_opens_a_team_member_and_sees_why_a_competency_is_required()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, TestData.ManagerEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "My team" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Amara Okafor" }).ClickAsync();
        await page.Locator("summary", new() { HasText = "Why is this required?" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Fire Safety — all staff").First).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "person");

        // Ward B is outside this manager's scope: the page does not exist for them.
        var response = await page.GotoAsync($"{_app.BaseUrl}people/{_app.Data.NurseB.Id}");
        Assert.Equal(404, response!.Status);
    }

    [Fact]
    public async Task Admin_imports_a_file_with_a_bad_row_and_sees_the_row_and_column()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, TestData.AdminEmail);
        await page.GotoAsync(_app.BaseUrl + "import");

        var csv = string.Join("\n",
            "Employee Number,Assignment Number,First Name,Last Name,Work Email,Person Start Date,Staff Group,Job Role,Band,Department Code,Patient Contact,Works With Children,Registered Clinician,Assignment Start Date",
            "20000001,20000001,Grace,Lee,grace.lee@test.example,2024-01-08,NMR,Staff Nurse,Band 5,WARD-A,Y,N,Y,2024-01-08",
            "20000002,20000002,Harry,Khan,harry.khan@test.example,2024-13-01,AC,Receptionist,Band 3,WARD-A,N,N,N,2024-02-01");
        await page.Locator("#CsvFile").SetInputFilesAsync(new FilePayload { Name = "staff.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("staff.csv was not imported")).ToBeVisibleAsync();
        var rows = page.Locator("[data-testid=import-error-table] tbody tr");
        var first = await rows.First.Locator("td").AllInnerTextsAsync();
        Assert.Equal("3", first[0]);
        Assert.Equal("Person Start Date", first[1]);
        Assert.Equal("2024-13-01", first[2]);
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "import-errors");

        // Nothing was applied: the good row's person does not exist.
        await page.GotoAsync(_app.BaseUrl + "people?q=Grace");
        await Assertions.Expect(page.GetByTestId("result-count")).ToHaveTextAsync("0 people");
    }

    [Fact]
    public async Task Compliance_lead_reads_the_summary_then_the_team_matrix_as_of_a_past_day()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, TestData.ComplianceEmail);
        await page.Locator("nav.nhsuk-header__navigation").GetByRole(AriaRole.Link, new() { Name = "Compliance", Exact = true }).ClickAsync();
        var fire = page.Locator("[data-testid=subject-summary] tr", new() { HasText = "Fire Safety" });
        await Assertions.Expect(fire).ToContainTextAsync("25.0%");
        await Axe.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "compliance");

        await page.GetByLabel("As of (YYYY-MM-DD)").FillAsync("2025-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(fire).ToContainTextAsync("0.0%");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the team matrix" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=matrix] tbody tr")).ToHaveCountAsync(4);
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync(_app.BaseUrl + "compliance/matrix?show=action&sort=overdue");
        await Screenshots.SaveAsync(page, "matrix");
    }

    [Fact]
    public async Task Sign_in_page_is_accessible_and_shows_errors_accessibly()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(_app.BaseUrl + "account/login");
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter your email address");
        await Axe.AssertAccessibleAsync(page);
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(_app.BaseUrl + "account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Hello");
    }
}
