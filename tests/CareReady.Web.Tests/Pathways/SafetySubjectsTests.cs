using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Pathways;

/// <summary>
/// Each organisation's safety-critical subjects: the default list until an educator, compliance lead or
/// admin changes it; unknown codes refused precisely; the plan and the refresher session follow it; audited.
/// </summary>
public class SafetySubjectsTests
{
    private const string Url = "/api/v1/pathways/settings/safety-critical-subjects";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_educator_changes_the_safety_critical_subjects_and_the_plan_and_refreshers_follow(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await PathwayWorld.SetUpAsync(app);
        using var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        using var learner = await app.SignedInClientAsync(TestData.LearnerEmail);

        var initial = await educator.GetFromJsonAsync<JsonElement>(Url);
        Assert.Equal(["CSTF-FIRE", "CSTF-IPC", "CSTF-MH", "CSTF-RES", "CSTF-SGA", "CSTF-SGC"], Codes(initial.GetProperty("subjectCodes")));
        Assert.True(initial.GetProperty("isDefault").GetBoolean());
        var before = await learner.GetFromJsonAsync<JsonElement>("/api/v1/pathways/me/plan");
        Assert.Equal(6, before.GetProperty("refreshersDue").GetInt32());
        Assert.True(Item(before, "Resuscitation — Level 2 Adult Basic Life Support").GetProperty("patientSafety").GetBoolean());
        Assert.True(Item(before, "Fire Safety — Level 1").GetProperty("patientSafety").GetBoolean());

        // An unknown code (and a wrong case) is named by position; nothing changes.
        var bad = await educator.PutAsJsonAsync(Url, new { subjectCodes = new[] { "CSTF-IPC", "CSTF-NOPE", "cstf-fire" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["subjectCodes[1]", "subjectCodes[2]"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("“CSTF-NOPE” is not a subject code CareReady knows", errors.GetProperty("subjectCodes[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("did you mean CSTF-FIRE?", errors.GetProperty("subjectCodes[2]")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await educator.GetFromJsonAsync<JsonElement>(Url)).GetProperty("isDefault").GetBoolean());

        // Resuscitation off the list, information governance on: the BLS questions rest, IG now counts as safety-critical.
        var saved = await educator.PutAsJsonAsync(Url, new { subjectCodes = new[] { "CSTF-IPC", "CSTF-FIRE", "CSTF-IG", "CSTF-IPC" } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["CSTF-FIRE", "CSTF-IG", "CSTF-IPC"], Codes(body.GetProperty("subjectCodes")));
        Assert.False(body.GetProperty("isDefault").GetBoolean());

        var after = await learner.GetFromJsonAsync<JsonElement>("/api/v1/pathways/me/plan");
        Assert.Equal(0, after.GetProperty("refreshersDue").GetInt32());
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "Refreshers");
        var bls = Item(after, "Resuscitation — Level 2 Adult Basic Life Support");
        Assert.False(bls.GetProperty("patientSafety").GetBoolean());
        Assert.DoesNotContain("protects patients", bls.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(Item(after, "Fire Safety — Level 1").GetProperty("patientSafety").GetBoolean());
        var session = await learner.GetFromJsonAsync<JsonElement>("/api/v1/pathways/me/refreshers");
        Assert.Equal((0, JsonValueKind.Null), (session.GetProperty("dueNow").GetInt32(), session.GetProperty("next").ValueKind));

        // Back to the default list: the same six cards are due again (their memory was kept), and the row says "default".
        (await educator.PutAsJsonAsync(Url, new { subjectCodes = new[] { "CSTF-RES", "CSTF-IPC", "CSTF-SGA", "CSTF-SGC", "CSTF-MH", "CSTF-FIRE" } })).EnsureSuccessStatusCode();
        Assert.Equal(6, (await learner.GetFromJsonAsync<JsonElement>("/api/v1/pathways/me/plan")).GetProperty("refreshersDue").GetInt32());
        Assert.Equal(6, (await learner.GetFromJsonAsync<JsonElement>("/api/v1/pathways/me/refreshers")).GetProperty("dueNow").GetInt32());

        await using var db = app.NewDbContext();
        Assert.Null((await db.PathwaySettings.SingleAsync(s => s.OrganisationId == app.Data.OrgA)).SafetyCriticalSubjects);
        Assert.Equal(6, await db.RefresherCards.CountAsync(c => c.StaffMemberId == app.Data.NurseA.Id));
        var audit = await db.AuditEntries.Where(e => e.EntityType == "PathwaySettings" && e.OrganisationId == app.Data.OrgA).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Contains(audit, e => e.Actor == TestData.EducatorEmail && e.After != null && e.After.Contains("CSTF-FIRE CSTF-IG CSTF-IPC", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Actor == TestData.EducatorEmail && e.Before != null && e.Before.Contains("CSTF-FIRE CSTF-IG CSTF-IPC", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Learners_and_managers_cannot_change_them_and_each_organisation_has_its_own(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        using var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        using var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        using var otherOrg = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);

        foreach (var client in new[] { learner, manager })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync(Url, new { subjectCodes = new[] { "CSTF-IG" } })).StatusCode);
        }

        var missing = await compliance.PutAsJsonAsync(Url, new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("subjectCodes", out _));

        (await compliance.PutAsJsonAsync(Url, new { subjectCodes = new[] { "CSTF-RES" } })).EnsureSuccessStatusCode();
        Assert.Equal(["CSTF-RES"], Codes((await compliance.GetFromJsonAsync<JsonElement>("/api/v1/pathways/settings")).GetProperty("safetyCriticalSubjects")));
        Assert.True((await otherOrg.GetFromJsonAsync<JsonElement>(Url)).GetProperty("isDefault").GetBoolean());

        // The page: the educator's form is there for compliance leads, not for a manager (who may only assign).
        Assert.Contains("Safety-critical subjects", await compliance.GetStringAsync("/pathways/manage"), StringComparison.Ordinal);
        Assert.DoesNotContain("Safety-critical subjects", await manager.GetStringAsync("/pathways/manage"), StringComparison.Ordinal);
        var posted = await manager.PostFormAsync("/pathways/manage?handler=SafetySubjects", new Dictionary<string, string> { ["subjectCodes"] = "CSTF-IG" },
            formPage: "/notifications/preferences");
        Assert.Contains("access-denied", posted.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(["CSTF-RES"], Codes((await compliance.GetFromJsonAsync<JsonElement>(Url)).GetProperty("subjectCodes")));
    }

    private static List<string> Codes(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static JsonElement Item(JsonElement plan, string title) =>
        plan.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == title);
}
