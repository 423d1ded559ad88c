using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Regulation;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Regulation;

/// <summary>A guideline change from proposal to apply and undo, through the API, against <see cref="RegulationScenario"/>.</summary>
public class RegulatoryChangeTests
{
    private static readonly DateOnly Deadline = new(2026, 6, 30);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Applying_a_change_reassigns_exactly_the_people_whose_certification_rests_on_the_old_version_and_audits_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var scenario = await RegulationScenario.SeedAsync(app);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var id = await ProposeAsync(lead);

        // The preview names the citing module and exactly one person (nurse A, on Ward A).
        var impact = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/regulation/changes/{id}/impact");
        Assert.Equal(1, impact.GetProperty("people").GetInt32());
        Assert.Equal(1, impact.GetProperty("certifications").GetInt32());
        Assert.Equal([TestModules.Code], impact.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("code").GetString()!));
        var department = Assert.Single(impact.GetProperty("byDepartment").EnumerateArray());
        Assert.Equal("Ward A", department.GetProperty("name").GetString());
        Assert.Equal("CSTF-RES-2A", Assert.Single(impact.GetProperty("byCompetency").EnumerateArray()).GetProperty("key").GetString());
        var listed = Assert.Single(await lead.GetFromJsonAsync<JsonElement[]>($"/api/v1/regulation/changes/{id}/affected") ?? []);
        Assert.Equal(app.Data.NurseA.EmployeeNumber, listed.GetProperty("employeeNumber").GetString());

        // Before: nurse A's BLS runs to 1 Nov 2026 (12-month refresher).
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        Assert.Equal("2026-11-01", (await BlsAsync(manager, app.Data.NurseA.Id)).GetProperty("expiresOn").GetString());

        var applied = await lead.PostAsJsonAsync($"/api/v1/regulation/changes/{id}/apply", new { action = "RequireUpdate", deadline = Deadline });
        Assert.Equal(HttpStatusCode.NoContent, applied.StatusCode);

        await using (var db = app.NewDbContext())
        {
            var cap = Assert.Single(await db.CertificationCaps.AsNoTracking().ToListAsync());
            Assert.Equal((app.Data.NurseA.Id, scenario.NurseACompletionId, Deadline), (cap.StaffMemberId, cap.CompletionId, cap.ValidUntil));
            var change = await db.RegulatoryChanges.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal(ChangeStatus.Applied, change.Status);
            Assert.Equal(1, change.AffectedCount);
            var rows = new[] { new AffectedCertification { CompletionId = cap.CompletionId, StaffMemberId = cap.StaffMemberId, CompetencyId = cap.CompetencyId } };
            Assert.Equal(AffectedCertifications.Digest(rows, Deadline), change.AffectedDigest);

            // The trail records the apply (with the count and digest), the flag on the module and the versions' new statuses.
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == app.Data.OrgA && e.Actor == TestData.ComplianceEmail).ToListAsync();
            var apply = entries.Single(e => e.EntityType == nameof(RegulatoryChange) && e.Action == "updated" && e.After!.Contains("\"Applied\"", StringComparison.Ordinal));
            Assert.Contains(change.AffectedDigest!, apply.After, StringComparison.Ordinal);
            Assert.Contains("by 2026-06-30", apply.Reason, StringComparison.Ordinal);
            Assert.Single(entries, e => e.EntityType == nameof(ContentReviewFlag) && e.Action == "created");
            Assert.Equal(2, entries.Count(e => e.EntityType == nameof(GuidelineVersion) && e.Action == "updated"));
            var flag = await db.ContentReviewFlags.AsNoTracking().SingleAsync();
            Assert.Equal((scenario.ModuleId, scenario.VersionId), (flag.ModuleId, flag.ModuleVersionId));

            // Nurse A and her line manager (Ward A) are told, and no one else.
            var notices = await db.Notices.AsNoTracking().Where(n => n.Kind == CareReady.Core.Notifications.NoticeKind.Change).ToListAsync();
            var managerId = await db.Users.Where(u => u.Email == TestData.ManagerEmail).Select(u => u.Id).SingleAsync();
            Assert.Equal(2, notices.Count);
            Assert.Contains(notices, n => n.StaffMemberId == app.Data.NurseA.Id && n.Title == "Resuscitation guidelines 2025: take the updated training by 30 June 2026"
                && n.Body.Contains("changed from 2021 to 2025", StringComparison.Ordinal));
            Assert.Contains(notices, n => n.UserId == managerId && n.Title.Contains("1 of your team", StringComparison.Ordinal));
            Assert.NotNull((await db.RegulatoryChanges.AsNoTracking().SingleAsync(c => c.Id == id)).NotifiedAt);
        }

        // Nurse A's certification now ends at the deadline; nurse B's and the other organisation's are untouched.
        var nurseA = await BlsAsync(manager, app.Data.NurseA.Id);
        Assert.Equal("2026-06-30", nurseA.GetProperty("expiresOn").GetString());
        Assert.Equal("Resuscitation guidelines 2025", nurseA.GetProperty("change").GetProperty("title").GetString());
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        Assert.Equal("2026-09-01", (await BlsAsync(compliance, app.Data.NurseB.Id)).GetProperty("expiresOn").GetString());
        Assert.Equal(JsonValueKind.Null, (await BlsAsync(compliance, app.Data.NurseB.Id)).GetProperty("change").ValueKind);

        // Nurse A sees it in My learning, with the reason, even though her renewal window is not open yet.
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var mine = await learner.GetFromJsonAsync<JsonElement>("/api/v1/me/learning");
        var item = mine.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString()!.Contains("Adult", StringComparison.Ordinal));
        Assert.Equal("DueSoon", item.GetProperty("section").GetString());
        Assert.Equal("2026-06-30", item.GetProperty("by").GetString());
        Assert.StartsWith("Resuscitation guidelines 2025: Resuscitation Council UK Guidelines changed from 2021 to 2025", item.GetProperty("why").GetString(), StringComparison.Ordinal);

        // Applying twice is refused.
        var again = await lead.PostAsJsonAsync($"/api/v1/regulation/changes/{id}/apply", new { action = "RequireUpdate", deadline = Deadline });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Undo_restores_every_certification_until_someone_acts_then_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var scenario = await RegulationScenario.SeedAsync(app);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);

        // Expire now: nurse A is expired today; undo brings her back to 1 Nov 2026.
        var first = await ProposeAsync(lead);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PostAsJsonAsync($"/api/v1/regulation/changes/{first}/apply", new { action = "ExpireNow" })).StatusCode);
        var expired = await BlsAsync(lead, app.Data.NurseA.Id);
        Assert.Equal(("Expired", "2026-03-02"), (expired.GetProperty("label").GetString(), expired.GetProperty("expiresOn").GetString()));
        Assert.True((await lead.GetFromJsonAsync<JsonElement>($"/api/v1/regulation/changes/{first}/impact")).GetProperty("canUndo").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PostAsync($"/api/v1/regulation/changes/{first}/undo", null)).StatusCode);
        Assert.Equal("2026-11-01", (await BlsAsync(lead, app.Data.NurseA.Id)).GetProperty("expiresOn").GetString());
        await using (var db = app.NewDbContext())
        {
            Assert.All(await db.CertificationCaps.AsNoTracking().ToListAsync(), c => Assert.NotNull(c.RevokedAt));
            Assert.Equal(GuidelineVersionStatus.Current, (await db.GuidelineVersions.AsNoTracking().SingleAsync(v => v.Label == RegulationScenario.OldVersion && v.OrganisationId == app.Data.OrgA)).Status);
            Assert.Contains(await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(RegulatoryChange)).Select(e => e.After).ToListAsync(),
                a => a != null && a.Contains("\"Undone\"", StringComparison.Ordinal));
        }

        // Require the update; nurse A retakes the module before the new version is published: her new pass is
        // on content that still cites 2021, so it counts only until the deadline — and the change can no longer be undone.
        var second = await ProposeAsync(lead);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PostAsJsonAsync($"/api/v1/regulation/changes/{second}/apply", new { action = "RequireUpdate", deadline = Deadline })).StatusCode);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var attempt = await TestModules.StartAttemptAsync(learner, scenario.ModuleId);
        var submit = await learner.PostAsJsonAsync($"/api/v1/attempts/{attempt.GetProperty("id").GetInt64()}/submit",
            new { responses = TestModules.Responses(attempt, TestModules.RightAnswers) });
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var retaken = await BlsAsync(lead, app.Data.NurseA.Id);
        Assert.Equal(("2026-03-02", "2026-06-30"), (retaken.GetProperty("lastCompleted").GetString(), retaken.GetProperty("expiresOn").GetString()));

        Assert.False((await lead.GetFromJsonAsync<JsonElement>($"/api/v1/regulation/changes/{second}/impact")).GetProperty("canUndo").GetBoolean());
        var refused = await lead.PostAsync($"/api/v1/regulation/changes/{second}/undo", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("can no longer be undone", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_compliance_leads_of_the_organisation_see_or_move_changes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await RegulationScenario.SeedAsync(app);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var id = await ProposeAsync(lead);

        foreach (var email in new[] { TestData.LearnerEmail, TestData.ManagerEmail, TestData.EducatorEmail })
        {
            var client = await app.SignedInClientAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/regulation/registry")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/regulation/changes/{id}/impact")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/regulation/changes/{id}/apply", new { action = "ExpireNow" })).StatusCode);
        }

        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/regulation/changes/{id}/impact")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/regulation/changes/{id}/apply", new { action = "ExpireNow" })).StatusCode);
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/v1/regulation/registry");
        Assert.Empty(theirs.GetProperty("changes").EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/v1/regulation/registry")).StatusCode);

        await using var db = app.NewDbContext();
        Assert.Equal(ChangeStatus.Proposed, (await db.RegulatoryChanges.SingleAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_proposal_is_checked_field_by_field(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await RegulationScenario.SeedAsync(app);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var bad = await lead.PostAsJsonAsync("/api/v1/regulation/changes", new
        {
            sourceName = "NICE sepsis", newVersion = "", title = "", severity = "Recertify",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("is not in the registry", errors.GetProperty("SourceName")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Give the change a title", errors.GetProperty("Title")[0].GetString());

        var same = await lead.PostAsJsonAsync("/api/v1/regulation/changes", new
        {
            sourceName = RegulationScenario.Source, newVersion = RegulationScenario.OldVersion, title = "Again", severity = "Recertify",
        });
        Assert.Equal("\"Resuscitation Council UK Guidelines\" already has a version \"2021\"",
            (await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("NewVersion")[0].GetString());

        var id = await ProposeAsync(lead);
        var noDeadline = await lead.PostAsJsonAsync($"/api/v1/regulation/changes/{id}/apply", new { action = "RequireUpdate" });
        Assert.Equal(HttpStatusCode.BadRequest, noDeadline.StatusCode);
        Assert.Contains("Enter the date by which people must take the updated module", await noDeadline.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var past = await lead.PostAsJsonAsync($"/api/v1/regulation/changes/{id}/apply", new { action = "RequireUpdate", deadline = new DateOnly(2026, 3, 2) });
        Assert.Contains("The deadline must be after today", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.NewDbContext();
        Assert.Empty(await db.CertificationCaps.ToListAsync());
    }

    internal static async Task<int> ProposeAsync(HttpClient lead, string version = "2025")
    {
        var response = await lead.PostAsJsonAsync("/api/v1/regulation/changes", new
        {
            sourceName = RegulationScenario.Source, newVersion = version, title = "Resuscitation guidelines 2025",
            summary = "Updated adult BLS algorithm.", severity = "UpdateTraining", effectiveFrom = new DateOnly(2025, 10, 22),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> BlsAsync(HttpClient client, int staffId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{staffId}")).GetProperty("requirements").EnumerateArray()
            .Single(r => r.GetProperty("competencyCode").GetString() == "CSTF-RES-2A");
}
