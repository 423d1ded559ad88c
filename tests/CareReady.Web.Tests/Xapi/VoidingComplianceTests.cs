using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Compliance;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Xapi;

/// <summary>Voiding a statement withdraws the completion it recorded: the person's certification is as it was before.</summary>
public class VoidingComplianceTests
{
    private const string Course = "https://elearning.example/courses/adult-bls";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Voiding_a_pass_withdraws_its_completion_and_the_person_is_no_longer_compliant(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync("/api/v1/lrs/mappings", new { activityId = Course, competencyCode = "CSTF-RES-2A" })).StatusCode);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        var nurse = app.Data.NurseA;
        int resusId;
        await using (var db = app.NewDbContext())
        {
            resusId = await db.Competencies.Where(c => c.Code == "CSTF-RES-2A").Select(c => c.Id).SingleAsync();
        }

        async Task<JsonElement> Resus() => (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/people/{nurse.Id}")).GetProperty("requirements")
            .EnumerateArray().Single(r => r.GetProperty("competencyCode").GetString() == "CSTF-RES-2A");
        async Task<ComplianceState> EngineState()
        {
            await using var db = app.NewDbContext();
            var engine = await ComplianceEngineLoader.LoadAsync(db, [app.Data.OrgA]);
            return engine.PersonOn(nurse.Id, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime)).Single(c => c.CompetencyId == resusId).State;
        }

        Assert.Equal(JsonValueKind.Null, (await Resus()).GetProperty("lastCompleted").ValueKind);
        var engineBefore = await EngineState();
        Assert.NotEqual(ComplianceState.Certified, engineBefore);

        // Two passes by mbox: an older one, then the one that will be voided.
        var older = Lrs.Statement(mbox: "mailto:" + nurse.WorkEmail, activity: Course, verb: "http://adlnet.gov/expapi/verbs/passed");
        older["timestamp"] = "2024-01-10T10:00:00Z";
        var pass = Lrs.Statement(mbox: "mailto:" + nurse.WorkEmail, activity: Course, verb: "http://adlnet.gov/expapi/verbs/passed");
        pass["timestamp"] = "2026-03-01T15:30:00Z";
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, new JsonArray(older, pass))).StatusCode);
        Assert.Equal("2026-03-01", (await Resus()).GetProperty("lastCompleted").GetString());
        Assert.Equal(ComplianceState.Certified, await EngineState());

        var voiding = new JsonObject
        {
            ["actor"] = new JsonObject { ["mbox"] = "mailto:lms-admin@test.example" },
            ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided" },
            ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = pass["id"]!.GetValue<string>() },
        };
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, voiding)).StatusCode);

        // The older pass is what the certification rests on again (expired long ago): no longer compliant.
        var after = await Resus();
        Assert.Equal("2024-01-10", after.GetProperty("lastCompleted").GetString());
        Assert.NotEqual("Certified", after.GetProperty("state").GetString());
        Assert.NotEqual(ComplianceState.Certified, await EngineState());
        await using (var db = app.NewDbContext())
        {
            var left = await db.Completions.AsNoTracking().Where(c => c.StaffMemberId == nurse.Id && c.Source == CompletionSource.Xapi).ToListAsync();
            var only = Assert.Single(left);
            Assert.Contains(older["id"]!.GetValue<string>(), only.Reference, StringComparison.Ordinal);
            Assert.True(only.IsLatest);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Completion) && a.Action == "deleted"));
        }

        // A pass whose voiding arrived first never counts.
        var late = Guid.NewGuid();
        voiding["id"] = Guid.NewGuid().ToString();
        voiding["object"]!["id"] = late.ToString();
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, voiding)).StatusCode);
        var latePass = Lrs.Statement(mbox: "mailto:" + nurse.WorkEmail, activity: Course, verb: "http://adlnet.gov/expapi/verbs/passed", id: late);
        latePass["timestamp"] = "2026-03-01T16:00:00Z";
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, latePass)).StatusCode);
        Assert.Equal("2024-01-10", (await Resus()).GetProperty("lastCompleted").GetString());
    }
}
