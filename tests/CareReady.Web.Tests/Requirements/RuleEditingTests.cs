using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Requirements;

public class RuleEditingTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Compliance_lead_adds_a_department_rule_and_it_applies_to_that_subtree_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var created = await client.PostAsJsonAsync("/api/v1/rules", new
        {
            name = "Paediatric BLS — Ward B",
            competencyCode = "CSTF-RES-2P",
            departmentCode = "WARD-B",
            registeredClinician = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("registered clinicians, in Ward B (and below)", rule.GetProperty("audience").GetString());

        async Task<List<string?>> CodesAsync(int id) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}")).GetProperty("requirements").EnumerateArray()
                .Select(r => r.GetProperty("competencyCode").GetString()).ToList();
        Assert.Contains("CSTF-RES-2P", await CodesAsync(app.Data.NurseB.Id));
        Assert.DoesNotContain("CSTF-RES-2P", await CodesAsync(app.Data.NurseA.Id));

        // Deactivating it removes it again; the rule itself is kept.
        var id = rule.GetProperty("id").GetInt32();
        var put = await client.PutAsJsonAsync($"/api/v1/rules/{id}", new { name = "Paediatric BLS — Ward B", competencyCode = "CSTF-RES-2P", departmentCode = "WARD-B", registeredClinician = true, isActive = false });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain("CSTF-RES-2P", await CodesAsync(app.Data.NurseB.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/rules/{id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_rule_input_gets_field_errors_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.AdminEmail);
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/rules")).GetArrayLength();

        var response = await client.PostAsJsonAsync("/api/v1/rules", new { name = "", competencyCode = "NOPE", departmentCode = "WARD-Z", staffGroupCode = "XX", graceDays = 400 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "Name", "CompetencyCode", "DepartmentCode", "StaffGroupCode", "GraceDays" })
        {
            Assert.True(errors.TryGetProperty(field, out _), "missing error for " + field);
        }

        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/v1/rules")).GetArrayLength());

        // Another organisation's department code is not accepted either.
        var foreign = await client.PostAsJsonAsync("/api/v1/rules", new { name = "x", competencyCode = "CSTF-FIRE-1", departmentCode = "D-MED-NOT-HERE" });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_rule_editors_change_rules(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        foreach (var email in new[] { TestData.LearnerEmail, TestData.ManagerEmail, TestData.EducatorEmail })
        {
            var client = await app.SignedInClientAsync(email);
            var response = await client.PostAsJsonAsync("/api/v1/rules", new { name = "x", competencyCode = "CSTF-FIRE-1" });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_local_refresher_period_needs_a_recorded_justification(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var refused = await client.PutAsJsonAsync("/api/v1/refresher-overrides/CSTF-FIRE-1", new { months = 12 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Justification", out _));

        var accepted = await client.PutAsJsonAsync("/api/v1/refresher-overrides/CSTF-FIRE-1",
            new { months = 12, justification = "Trust fire strategy 2025 requires annual training after the ward evacuation review" });
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);

        var rule = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rules/{app.Data.FireRule.Id}");
        Assert.Equal(12, rule.GetProperty("effectiveRefresherMonths").GetInt32());
        Assert.Equal(24, rule.GetProperty("frameworkRefresherMonths").GetInt32());

        // Nurse A's fire safety (done a year ago) now expires today under the annual period.
        var nurse = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.NurseA.Id}");
        var fire = nurse.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("competencyCode").GetString() == "CSTF-FIRE-1");
        Assert.Equal("2026-03-02", fire.GetProperty("expiresOn").GetString());
        Assert.Equal("Expired", fire.GetProperty("label").GetString());
    }
}
