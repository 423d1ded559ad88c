using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Analytics;

/// <summary>The measures page: compliance leads and admins define and change measures and record training pushes through the forms; others only read.</summary>
public class MeasuresPageTests
{
    private const string Page = "/analytics/measures";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_compliance_lead_defines_a_measure_on_the_page_and_changes_it_and_the_api_lists_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        Assert.Contains("data-testid=\"measure-form\"", await compliance.GetStringAsync(Page), StringComparison.Ordinal);

        var posted = await compliance.PostFormAsync(Page + "?handler=Measure", new Dictionary<string, string>
        {
            ["Code"] = "FALLS", ["Name"] = "Inpatient falls", ["Definition"] = "Falls per 1,000 occupied bed days (Datix)", ["Unit"] = "per 1,000 bed days",
            ["HigherIsBetter"] = "no", ["Period"] = "Month",
        }, formPage: Page);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var confirmation = await compliance.GetStringAsync(posted.Headers.Location!.ToString());
        Assert.Contains("Measure FALLS (Inpatient falls) saved.", confirmation, StringComparison.Ordinal);

        var listed = await compliance.GetFromJsonAsync<JsonElement>("/api/v1/analytics/measures");
        var falls = Assert.Single(listed.EnumerateArray());
        Assert.Equal(("FALLS", "Inpatient falls", "Falls per 1,000 occupied bed days (Datix)", "per 1,000 bed days", false, "Month"),
            (falls.GetProperty("code").GetString(), falls.GetProperty("name").GetString(), falls.GetProperty("definition").GetString(),
                falls.GetProperty("unit").GetString(), falls.GetProperty("higherIsBetter").GetBoolean(), falls.GetProperty("period").ToString()));

        // The Change link fills the form with the measure; the code is kept, the rest changes.
        var edit = await compliance.GetStringAsync(Page + "?edit=falls");
        Assert.Contains("Change FALLS", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"Inpatient falls\"", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Code\"", edit, StringComparison.Ordinal);
        var changed = await compliance.PostFormAsync(Page + "?handler=Measure", new Dictionary<string, string>
        {
            ["Edit"] = "FALLS", ["Code"] = "IGNORED", ["Name"] = "Inpatient falls with harm", ["Definition"] = "", ["Unit"] = "per quarter",
            ["HigherIsBetter"] = "yes", ["Period"] = "Quarter",
        }, formPage: Page);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        falls = Assert.Single((await compliance.GetFromJsonAsync<JsonElement>("/api/v1/analytics/measures")).EnumerateArray());
        Assert.Equal(("FALLS", "Inpatient falls with harm", "", "per quarter", true, "Quarter"),
            (falls.GetProperty("code").GetString(), falls.GetProperty("name").GetString(), falls.GetProperty("definition").GetString(),
                falls.GetProperty("unit").GetString(), falls.GetProperty("higherIsBetter").GetBoolean(), falls.GetProperty("period").ToString()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_bad_definition_shows_each_field_error_linked_to_its_field_keeps_the_entries_and_saves_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var longUnit = new string('u', 65);
        var response = await admin.PostFormAsync(Page + "?handler=Measure", new Dictionary<string, string>
        {
            ["Code"] = "bad code!", ["Name"] = "  ", ["Definition"] = "Kept <definition>", ["Unit"] = longUnit, ["HigherIsBetter"] = "yes",
        }, formPage: Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Code\">Enter a code of 1 to 32 letters, digits, &#x27;-&#x27; or &#x27;_&#x27; (e.g. HAI)</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Name\">Enter a name of 1 to 200 characters</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Unit\">Enter a unit of up to 64 characters (e.g. per 1,000 bed days)</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Period\">Select Month or Quarter</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#Definition\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("href=\"#Code\"", StringComparison.Ordinal) < html.IndexOf("href=\"#Period\"", StringComparison.Ordinal), "errors in form order");
        Assert.Contains("id=\"Code-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Period-error\"", html, StringComparison.Ordinal);

        // What was entered is still there.
        Assert.Contains("value=\"bad code!\"", html, StringComparison.Ordinal);
        Assert.Contains("Kept &lt;definition&gt;</textarea>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{longUnit}\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"HigherIsBetter\" name=\"HigherIsBetter\" type=\"radio\" value=\"yes\" checked=\"checked\"", html, StringComparison.Ordinal);

        await using var db = app.NewDbContext();
        Assert.Equal(0, await db.PerformanceMeasures.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_push_recorded_on_the_page_is_listed_stored_for_its_unit_and_subject_and_used_by_the_impact_view(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var form = await compliance.GetStringAsync(Page);
        Assert.Contains("<option value=\"CSTF-RES\">", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"WARD-A\">Ward A (WARD-A)</option>", form, StringComparison.Ordinal);

        var posted = await compliance.PostFormAsync(Page + "?handler=Push", new Dictionary<string, string>
        {
            ["SubjectCode"] = "CSTF-RES", ["UnitCode"] = "WARD-A", ["StartsOn"] = "2025-07-07", ["Note"] = " Resuscitation practice week ",
        }, formPage: Page);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await compliance.GetStringAsync(posted.Headers.Location!.ToString());
        Assert.Contains("Training push recorded.", page, StringComparison.Ordinal);
        Assert.Contains("(CSTF-RES)</td><td class=\"nhsuk-table__cell\">Ward A (WARD-A)</td><td class=\"nhsuk-table__cell\">7 Jul 2025</td><td class=\"nhsuk-table__cell\">Resuscitation practice week</td>",
            page, StringComparison.Ordinal);

        await using (var db = app.NewDbContext())
        {
            var push = await db.TrainingPushes.AsNoTracking().SingleAsync();
            var resus = await db.Subjects.AsNoTracking().SingleAsync(s => s.Code == "CSTF-RES");
            Assert.Equal((app.Data.OrgA, resus.Id, app.Data.WardA.Id, new DateOnly(2025, 7, 7), "Resuscitation practice week"),
                (push.OrganisationId, push.SubjectId, push.DepartmentId, push.StartsOn, push.Note));
        }

        // The impact view counts Ward A as pushed from that day and Ward B as not.
        Assert.Equal(HttpStatusCode.Created, (await compliance.PostAsJsonAsync("/api/v1/analytics/measures",
            new { code = "CARDIAC", name = "Cardiac arrest calls", higherIsBetter = false, period = "Month" })).StatusCode);
        var csv = new StringBuilder("Measure Code,Department Code,Period,Value\n");
        foreach (var month in Enumerable.Range(3, 10).Select(m => $"2025-{m:00}"))
        {
            csv.Append("CARDIAC,WARD-A,").Append(month).Append(",3\nCARDIAC,WARD-B,").Append(month).Append(",4\n");
        }

        Assert.Equal(HttpStatusCode.OK, (await compliance.PostAsync("/api/v1/analytics/measures/values", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).StatusCode);
        var impact = await compliance.GetFromJsonAsync<JsonElement>("/api/v1/analytics/impact?measure=CARDIAC&subject=CSTF-RES");
        var units = impact.GetProperty("units").EnumerateArray()
            .Select(u => (u.GetProperty("code").GetString(), u.GetProperty("pushed").GetBoolean(), u.GetProperty("pushStarts").ToString())).ToList();
        Assert.Equal([("WARD-A", true, "2025-07-07"), ("WARD-B", false, "")], units);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_bad_push_shows_precise_errors_and_records_nothing_and_the_api_validates_the_same_way(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var response = await admin.PostFormAsync(Page + "?handler=Push", new Dictionary<string, string>
        {
            ["SubjectCode"] = "", ["UnitCode"] = "NOWHERE", ["StartsOn"] = "5 January", ["Note"] = "Kept note",
        }, formPage: Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#SubjectCode\">Select a training subject</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#UnitCode\">Select a department</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#StartsOn\">Enter the day the push started as a date, for example 2026-03-02</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#Note\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kept note\"", html, StringComparison.Ordinal);

        var tooLong = await admin.PostFormAsync(Page + "?handler=Push", new Dictionary<string, string>
        {
            ["SubjectCode"] = "CSTF-RES", ["UnitCode"] = "WARD-B", ["StartsOn"] = "2026-01-05", ["Note"] = new string('n', 501),
        }, formPage: Page);
        var tooLongHtml = await tooLong.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Note\">Enter a note of up to 500 characters</a>", tooLongHtml, StringComparison.Ordinal);
        Assert.Contains("<option value=\"WARD-B\" selected=\"selected\">", tooLongHtml, StringComparison.Ordinal);

        // The API goes through the same use case: the same fields, in problem details.
        var api = await admin.PostAsJsonAsync("/api/v1/analytics/pushes", new { subjectCode = "NOPE", unitCode = "WARD-A" });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        using (var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()))
        {
            Assert.Equal(["startsOn", "subjectCode"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }

        await using var db = app.NewDbContext();
        Assert.Equal(0, await db.TrainingPushes.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_manager_sees_the_lists_without_forms_cannot_post_either_form_and_sees_only_their_units_pushes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        foreach (var unit in new[] { "WARD-A", "WARD-B" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await compliance.PostFormAsync(Page + "?handler=Push", new Dictionary<string, string>
            {
                ["SubjectCode"] = "CSTF-FIRE", ["UnitCode"] = unit, ["StartsOn"] = "2026-02-02", ["Note"] = "Fire week " + unit,
            }, formPage: Page)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await compliance.PostAsJsonAsync("/api/v1/analytics/measures", new { code = "HAI", name = "Infections", period = "Month" })).StatusCode);

        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        var page = await manager.GetStringAsync(Page);
        Assert.Contains("data-testid=\"measures\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", page[page.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("?edit=", page, StringComparison.Ordinal);
        Assert.Contains("Fire week WARD-A", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Fire week WARD-B", page, StringComparison.Ordinal);

        var measure = await manager.PostFormAsync(Page + "?handler=Measure", new Dictionary<string, string>
        {
            ["Edit"] = "HAI", ["Name"] = "Renamed by a manager", ["HigherIsBetter"] = "no", ["Period"] = "Month",
        }, formPage: Page);
        Assert.Contains("access-denied", measure.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        var push = await manager.PostFormAsync(Page + "?handler=Push", new Dictionary<string, string>
        {
            ["SubjectCode"] = "CSTF-FIRE", ["UnitCode"] = "WARD-A", ["StartsOn"] = "2026-02-09",
        }, formPage: Page);
        Assert.Contains("access-denied", push.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);

        await using var db = app.NewDbContext();
        Assert.Equal("Infections", (await db.PerformanceMeasures.AsNoTracking().SingleAsync()).Name);
        Assert.Equal(2, await db.TrainingPushes.CountAsync());
    }
}
