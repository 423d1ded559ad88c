using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareReady.Core.Analytics;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Analytics;

/// <summary>Measures are defined through the API and their values imported from CSV: all or nothing, with row/column errors.</summary>
public class MeasureImportTests
{
    private const string Url = "/api/v1/analytics/measures/values";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_file_with_any_bad_row_changes_nothing_and_lists_every_problem_then_a_good_file_is_applied_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var created = await admin.PostAsJsonAsync("/api/v1/analytics/measures",
            new { code = "FALLS", name = "Inpatient falls", definition = "Falls per 1,000 bed days", unit = "per 1,000 bed days", higherIsBetter = false, period = "Month" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/analytics/measures",
            new { code = "PX", name = "Patient experience", higherIsBetter = true, period = "Quarter" })).StatusCode);

        var bad = await PostCsvAsync(admin,
            "Measure Code,Department Code,Period,Value",
            "FALLS,WARD-A,2026-01,4.5",
            "falls,ward-b,2026-01,3.9",
            "FALL,WARD-A,2026-01,1",
            "FALLS,NOWHERE,2026-13,abc",
            "PX,WARD-A,2026-01,80",
            "FALLS,WARD-A,2026-01,4.6");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
        {
            var errors = problem.RootElement.GetProperty("errors").EnumerateArray()
                .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("value").GetString())).ToList();
            Assert.Equal(
                [
                    (4, "Measure Code", "FALL"),
                    (5, "Department Code", "NOWHERE"),
                    (5, "Period", "2026-13"),
                    (5, "Value", "abc"),
                    (6, "Period", "2026-01"),
                    (7, "Period", "2026-01"),
                ],
                errors);
            var expected = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("expected").GetString()).ToList();
            Assert.Contains("FALLS, PX", expected[0]);
            Assert.Contains("YYYY-Qn", expected[4]);
            Assert.Contains("row 2", expected[5]);
        }

        await using (var db = app.NewDbContext())
        {
            Assert.Equal(0, await db.MeasureValues.CountAsync());
        }

        var good = await PostCsvAsync(admin,
            "Value,Period,Department Code,Measure Code,Comment",
            "4.5,2026-01,WARD-A,FALLS,first",
            "3.9,2026-01,ward-b,falls,",
            "81.5,2026-Q1,WARD-A,PX,");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(new MeasureImportResult(true, [], 3, 0, 0), (await good.Content.ReadFromJsonAsync<MeasureImportResult>())! with { Errors = [] });

        var again = await PostCsvAsync(admin, "Measure Code,Department Code,Period,Value", "FALLS,WARD-A,2026-01,4.5", "FALLS,WARD-B,2026-01,4.1");
        Assert.Equal(new MeasureImportResult(true, [], 0, 1, 1), (await again.Content.ReadFromJsonAsync<MeasureImportResult>())! with { Errors = [] });
        await using (var db = app.NewDbContext())
        {
            var values = await db.MeasureValues.AsNoTracking().OrderBy(v => v.Value).Select(v => new { v.DepartmentId, v.PeriodStart, v.Value, v.OrganisationId }).ToListAsync();
            Assert.Equal([(app.Data.WardB.Id, new DateOnly(2026, 1, 1), 4.1), (app.Data.WardA.Id, new DateOnly(2026, 1, 1), 4.5), (app.Data.WardA.Id, new DateOnly(2026, 1, 1), 81.5)],
                values.Select(v => (v.DepartmentId, v.PeriodStart, v.Value)));
            Assert.All(values, v => Assert.Equal(app.Data.OrgA, v.OrganisationId));
        }

        // The list shows both measures with their value counts; the other organisation sees none of it.
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/analytics/measures");
        Assert.Equal([("FALLS", 2), ("PX", 1)], list.EnumerateArray().Select(m => (m.GetProperty("code").GetString(), m.GetProperty("values").GetInt32())));
        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/v1/analytics/measures")).EnumerateArray());
        var otherImport = await PostCsvAsync(other, "Measure Code,Department Code,Period,Value", "FALLS,WARD-A,2026-01,9");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherImport.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_definitions_are_refused_field_by_field_and_only_editors_may_import(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var refused = await compliance.PostAsJsonAsync("/api/v1/analytics/measures", new { code = "bad code!", name = "", period = "Weekly" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal(["code", "name", "period"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        }

        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostCsvAsync(manager, "Measure Code,Department Code,Period,Value", "X,WARD-A,2026-01,1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/v1/analytics/measures", new { code = "X", name = "X", period = "Month" })).StatusCode);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/api/v1/analytics/measures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/api/v1/analytics/dashboard")).StatusCode);
    }

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, params string[] lines) =>
        client.PostAsync(Url, new StringContent(string.Join("\n", lines) + "\n", Encoding.UTF8, "text/csv"));
}
