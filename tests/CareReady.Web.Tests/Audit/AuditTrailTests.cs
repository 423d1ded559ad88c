using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Audit;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Demo;
using CareReady.Core.Identity;
using CareReady.Web.Tests.Import;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Audit;

/// <summary>The audit trail through the front door: changes made over HTTP appear, chained, to the right people only.</summary>
public class AuditTrailTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_rule_change_is_recorded_with_its_actor_and_the_changed_field_before_and_after(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var rule = app.Data.FireRule;

        var put = await client.PutAsJsonAsync($"/api/v1/rules/{rule.Id}", new { name = rule.Name, competencyCode = "CSTF-FIRE-1", graceDays = 45 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var trail = await TrailAsync(client, "RequirementRule", rule.Id);
        Assert.Equal(rule.Name, trail.GetProperty("title").GetString());
        var entries = trail.GetProperty("entries").EnumerateArray().ToList();
        var newest = entries[0];
        Assert.Equal(TestData.ComplianceEmail, newest.GetProperty("actor").GetString());
        Assert.Equal("updated", newest.GetProperty("action").GetString());
        Assert.Equal(TestApp.DefaultNow.UtcDateTime, newest.GetProperty("at").GetDateTime().ToUniversalTime());
        var changes = Changes(newest);
        Assert.Equal((30, 45), (changes["GraceDays"].Before!.Value.GetInt32(), changes["GraceDays"].After!.Value.GetInt32()));
        Assert.Equal(TestData.ComplianceEmail, changes["UpdatedBy"].After!.Value.GetString());
        Assert.False(changes.ContainsKey("Name")); // unchanged fields are not recorded
        Assert.False(changes.ContainsKey("CompetencyId"));

        // The seed created the rule through the app's own context: that is the oldest entry, by "system".
        var oldest = entries[^1];
        Assert.Equal(("created", "system"), (oldest.GetProperty("action").GetString(), oldest.GetProperty("actor").GetString()));
        Assert.Equal(rule.Name, Changes(oldest)["Name"].After!.Value.GetString());
        Assert.Null(Changes(oldest)["Name"].Before);

        // The page shows the same.
        var page = await client.GetAsync($"/audit?entity=RequirementRule&id={rule.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Grace days", html, StringComparison.Ordinal);
        Assert.Contains(TestData.ComplianceEmail, html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"nhsuk-u-visually-hidden\">changed from</span>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/rules/{rule.Id}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_hr_import_records_every_person_and_position_it_creates(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var csv = StaffCsv.Build(
            new ImportRow { EmployeeNumber = "30000001", AssignmentNumber = "30000001-1", FirstName = "Ife", LastName = "Adeyemi", WorkEmail = "ife.adeyemi@nhs.example" },
            new ImportRow { EmployeeNumber = "30000002", AssignmentNumber = "30000002-1", FirstName = "Jon", LastName = "Berg", WorkEmail = "jon.berg@nhs.example" },
            new ImportRow { EmployeeNumber = "30000002", AssignmentNumber = "30000002-2", FirstName = "Jon", LastName = "Berg", WorkEmail = "jon.berg@nhs.example", DepartmentCode = "FIN", JobRole = "Finance Assistant" });
        var response = await admin.PostCsvAsync(csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = app.NewDbContext();
        var jon = await db.Staff.AsNoTracking().SingleAsync(s => s.EmployeeNumber == "30000002");
        var trail = await TrailAsync(admin, "StaffMember", jon.Id);
        Assert.Equal("Jon Berg", trail.GetProperty("title").GetString());
        var entries = trail.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count); // the person and both positions
        Assert.All(entries, e => Assert.Equal((TestData.AdminEmail, "created"), (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString())));
        var person = Assert.Single(entries, e => e.GetProperty("entityType").GetString() == "StaffMember");
        Assert.Equal(jon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), person.GetProperty("entityId").GetString());
        var fields = Changes(person);
        Assert.Equal("Berg", fields["LastName"].After!.Value.GetString());
        Assert.Equal("30000002", fields["EmployeeNumber"].After!.Value.GetString());
        Assert.Equal(app.Data.OrgA, fields["OrganisationId"].After!.Value.GetInt32());
        var positions = entries.Where(e => e.GetProperty("entityType").GetString() == "Position").Select(Changes).ToList();
        Assert.Equal(["30000002-1", "30000002-2"], positions.Select(p => p["AssignmentNumber"].After!.Value.GetString()).Order());
        Assert.All(positions, p => Assert.Equal(jon.Id, p["StaffMemberId"].After!.Value.GetInt32())); // generated ids, known after the save

        // One entry per created row, all in organisation A's chain, in one save.
        var imported = await db.AuditEntries.AsNoTracking().Where(e => e.Actor == TestData.AdminEmail).ToListAsync();
        Assert.Equal(5, imported.Count);
        Assert.All(imported, e => Assert.Equal(app.Data.OrgA, e.OrganisationId));

        // Importing the same file again changes nothing, and records nothing.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostCsvAsync(csv)).StatusCode);
        Assert.Equal(5, await db.AuditEntries.CountAsync(e => e.Actor == TestData.AdminEmail));

        // A changed row records just the changed field.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostCsvAsync(csv.Replace("Berg", "Bergström", StringComparison.Ordinal))).StatusCode);
        var renamed = (await TrailAsync(admin, "StaffMember", jon.Id)).GetProperty("entries")[0];
        Assert.Equal("updated", renamed.GetProperty("action").GetString());
        var change = Assert.Single(Changes(renamed));
        Assert.Equal(("LastName", "Berg", "Bergström"), (change.Key, change.Value.Before!.Value.GetString(), change.Value.After!.Value.GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Entries_chain_per_organisation_with_gapless_sequences_and_linked_hashes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var a = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var b = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.OK, (await a.PutAsJsonAsync($"/api/v1/rules/{app.Data.ResusRule.Id}", new { name = "Adult BLS", competencyCode = "CSTF-RES-2A", clinical = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await b.PutAsJsonAsync("/api/v1/targets/CSTF-FIRE", new { targetPercent = 95 })).StatusCode);

        await using var db = app.NewDbContext();
        var entries = await db.AuditEntries.AsNoTracking().ToListAsync();
        var heads = await db.AuditChainHeads.AsNoTracking().ToDictionaryAsync(h => h.ChainId);
        Assert.Equal([app.Data.OrgA, app.Data.OrgB], entries.Select(e => e.OrganisationId!.Value).Distinct().Order());
        foreach (var chain in entries.GroupBy(e => e.OrganisationId))
        {
            var ordered = chain.OrderBy(e => e.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, ordered.Count).Select(i => (long)i), ordered.Select(e => e.Sequence));
            Assert.Equal(AuditHasher.Genesis, ordered[0].PreviousHash);
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.Equal(ordered[i - 1].Hash, ordered[i].PreviousHash);
            }

            Assert.All(ordered, e => Assert.Equal(AuditHasher.Compute(e), e.Hash));
            Assert.Equal((ordered[^1].Sequence, ordered[^1].Hash), (heads[chain.Key!.Value].LastSequence, heads[chain.Key!.Value].LastHash));
        }

        // Organisation B's target change is in B's chain, by B's compliance lead.
        var target = entries.Single(e => e.EntityType == "SubjectTarget");
        Assert.Equal((app.Data.OrgB, TestData.OtherOrgComplianceEmail), (target.OrganisationId!.Value, target.Actor));

        var results = await new VerifyAuditTrail(db).RunAsync();
        Assert.Equal(["RTA", "RTB"], results.Select(r => r.Label));
        Assert.All(results, r => Assert.True(r.Intact, r.Break?.Problem));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_compliance_leads_and_admins_of_the_same_organisation_read_a_trail(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var rule = $"/api/v1/audit?entity=RequirementRule&id={app.Data.FireRule.Id}";
        var person = $"/api/v1/audit?entity=StaffMember&id={app.Data.NurseA.Id}";

        foreach (var email in new[] { TestData.ComplianceEmail, TestData.AdminEmail })
        {
            var allowed = await app.SignedInClientAsync(email);
            Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync(rule)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync(person)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync($"/audit?entity=StaffMember&id={app.Data.NurseA.Id}")).StatusCode);
        }

        var otherOrg = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.GetAsync(rule)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.GetAsync(person)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.GetAsync($"/audit?entity=RequirementRule&id={app.Data.FireRule.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.GetAsync($"/api/v1/audit?entity=Department&id={app.Data.WardA.Id}")).StatusCode);
        // Its own person is fine.
        Assert.Equal(HttpStatusCode.OK, (await otherOrg.GetAsync($"/api/v1/audit?entity=StaffMember&id={app.Data.OtherOrgNurse.Id}")).StatusCode);

        foreach (var email in new[] { TestData.LearnerEmail, TestData.ManagerEmail, TestData.EducatorEmail })
        {
            var denied = await app.SignedInClientAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await denied.GetAsync(rule)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await denied.GetAsync(person)).StatusCode);
            var page = await denied.GetAsync($"/audit?entity=StaffMember&id={app.Data.NurseA.Id}");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/account/access-denied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync(rule)).StatusCode);

        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        Assert.Equal(HttpStatusCode.BadRequest, (await compliance.GetAsync("/api/v1/audit?entity=PasswordHash&id=1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await compliance.GetAsync("/api/v1/audit?entity=StaffMember")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await compliance.GetAsync("/api/v1/audit?entity=StaffMember&id=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await compliance.GetAsync("/audit?entity=StaffMember&id=abc")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Accounts_and_roles_are_recorded_without_secrets_and_files_only_by_size_and_hash(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            scope.ServiceProvider.GetRequiredService<AuditContext>().Reason = "Certificate brought by the learner";
            db.ExternalCertificates.Add(new ExternalCertificate
            {
                OrganisationId = app.Data.OrgA, StaffMemberId = app.Data.NurseA.Id, CompetencyId = app.Data.FireRule.CompetencyId,
                CompletedOn = new DateOnly(2026, 2, 1), Provider = "Other Trust", FileName = "fire.pdf", ContentType = "application/pdf",
                Content = [1, 2, 3, 4, 5], UploadedBy = TestData.LearnerEmail, UploadedAt = TestApp.DefaultNow.UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        await using var check = app.NewDbContext();
        var certificate = await check.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "ExternalCertificate");
        Assert.Contains("\"Content\":{\"size\":5,\"sha256\":\"74f81fe167d99b4cb41d6d0ccda82278caee9f3e2f25d5e5a3936ff3dcec60d0\"}", certificate.After, StringComparison.Ordinal);
        Assert.Equal("Certificate brought by the learner", certificate.Reason);

        var compliance = await check.Users.AsNoTracking().SingleAsync(u => u.Email == TestData.ComplianceEmail);
        var account = await check.AuditEntries.AsNoTracking().Where(e => e.EntityType == "AppUser" && e.EntityId == compliance.Id).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["created", "role.added", "role.added"], account.Select(e => e.Action));
        Assert.Contains(TestData.ComplianceEmail, account[0].After, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", account[0].After, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", account[0].After, StringComparison.Ordinal);
        Assert.Equal(["{\"Role\":\"ComplianceLead\"}", "{\"Role\":\"Learner\"}"], account.Skip(1).Select(e => e.After).Order());
        Assert.All(account, e => Assert.Equal(app.Data.OrgA, e.OrganisationId));

        // Signing in (which updates the account's counters and stamps) records nothing.
        var before = await check.AuditEntries.CountAsync();
        await app.SignedInClientAsync(TestData.ComplianceEmail);
        Assert.Equal(before, await check.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_demo_seeder_records_one_summary_entry(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, seed: false);
        DemoSeedResult result;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            result = await DemoSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(),
                scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                new DemoOptions(7, 300, new DateOnly(2026, 3, 2), "Demo-password-2026"));
            Assert.False(scope.ServiceProvider.GetRequiredService<AuditContext>().IsSuppressed);
        }

        await using var db = app.NewDbContext();
        var entry = Assert.Single(await db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Equal((result.OrganisationId, "demo.seeded", "Organisation", "system", 1L),
            (entry.OrganisationId!.Value, entry.Action, entry.EntityType, entry.Actor, entry.Sequence));
        using var counts = JsonDocument.Parse(entry.After!);
        Assert.Equal(result.Staff, counts.RootElement.GetProperty("Staff").GetInt32());
        Assert.Equal(result.Completions, counts.RootElement.GetProperty("Completions").GetInt32());
        Assert.True((await new VerifyAuditTrail(db).RunAsync()).Single().Intact);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Parallel_rule_changes_all_succeed_and_keep_the_chain_intact(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var clients = new[] { await app.SignedInClientAsync(TestData.ComplianceEmail), await app.SignedInClientAsync(TestData.AdminEmail) };
        var rules = new[] { app.Data.FireRule, app.Data.ResusRule };

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
        {
            var rule = rules[i % 2];
            return clients[(i / 2) % 2].PutAsJsonAsync($"/api/v1/rules/{rule.Id}", new
            {
                name = rule.Name, competencyCode = i % 2 == 0 ? "CSTF-FIRE-1" : "CSTF-RES-2A", clinical = rule.Clinical, graceDays = 31 + i,
            });
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = app.NewDbContext();
        var results = await new VerifyAuditTrail(db).RunAsync();
        Assert.All(results, r => Assert.True(r.Intact, r.Break?.Problem));
        var updates = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "RequirementRule" && e.Action == "updated").ToListAsync();
        Assert.Equal(12, updates.Count);
        var sequences = (await db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == app.Data.OrgA).Select(e => e.Sequence).ToListAsync()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }

    private static async Task<JsonElement> TrailAsync(HttpClient client, string entity, int id)
    {
        var response = await client.GetAsync($"/api/v1/audit?entity={entity}&id={id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private static Dictionary<string, (JsonElement? Before, JsonElement? After)> Changes(JsonElement entry) =>
        entry.GetProperty("changes").EnumerateArray().ToDictionary(
            c => c.GetProperty("field").GetString()!,
            c => (Optional(c.GetProperty("before")), Optional(c.GetProperty("after"))));

    private static JsonElement? Optional(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value;
}
