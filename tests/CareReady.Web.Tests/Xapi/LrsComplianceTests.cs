using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Xapi;

/// <summary>Clients created by an admin through the API; a mapped activity's pass moves the learner's compliance.</summary>
public class LrsComplianceTests
{
    private const string Course = "https://elearning.example/courses/adult-bls";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_pass_of_a_mapped_activity_records_a_completion_for_the_matched_person(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var created = await admin.PostAsJsonAsync("/api/v1/lrs/clients", new { name = "National e-learning", read = true, write = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var credentials = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith("/xapi/", credentials.GetProperty("endpoint").GetString(), StringComparison.Ordinal);
        var lrs = app.NewClient();
        lrs.DefaultRequestHeaders.Authorization = Lrs.Basic(credentials.GetProperty("key").GetString()!, credentials.GetProperty("secret").GetString()!);
        lrs.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");

        // Only compliance leads and admins map; a bad IRI or unknown competency is refused with the field named.
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PostAsJsonAsync("/api/v1/lrs/mappings", new { activityId = Course, competencyCode = "CSTF-RES-2A" })).StatusCode);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var bad = await lead.PostAsJsonAsync("/api/v1/lrs/mappings", new { activityId = "adult-bls", competencyCode = "NOPE" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("ActivityId", out _));
        Assert.Contains("NOPE", errors.GetProperty("CompetencyCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await lead.PostAsJsonAsync("/api/v1/lrs/mappings", new { activityId = Course, competencyCode = "CSTF-RES-2A" })).StatusCode);

        async Task<JsonElement> Resus() => (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.NurseA.Id}")).GetProperty("requirements")
            .EnumerateArray().Single(r => r.GetProperty("competencyCode").GetString() == "CSTF-RES-2A");
        Assert.Equal(JsonValueKind.Null, (await Resus()).GetProperty("lastCompleted").ValueKind);

        // A failure, an unmapped activity and an unknown person change nothing.
        var failed = Lrs.Statement(activity: Course, verb: "http://adlnet.gov/expapi/verbs/failed");
        failed["result"] = new JsonObject { ["success"] = false, ["completion"] = true };
        var unmapped = Lrs.Statement(activity: "https://elearning.example/courses/other", verb: "http://adlnet.gov/expapi/verbs/passed");
        var stranger = Lrs.Statement(mbox: "mailto:stranger@elsewhere.example", activity: Course, verb: "http://adlnet.gov/expapi/verbs/passed");
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, new JsonArray(failed, unmapped, stranger))).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await Resus()).GetProperty("lastCompleted").ValueKind);

        // Nurse A passes (matched by account name = employee number; timestamp the day she did it).
        var passed = Lrs.Statement(activity: Course, verb: "http://adlnet.gov/expapi/verbs/passed");
        passed["actor"] = new JsonObject { ["account"] = new JsonObject { ["homePage"] = "https://esr.example", ["name"] = app.Data.NurseA.EmployeeNumber } };
        passed["timestamp"] = "2026-03-01T15:30:00Z";
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, passed)).StatusCode);
        var resus = await Resus();
        Assert.Equal("2026-03-01", resus.GetProperty("lastCompleted").GetString());

        await using var db = app.NewDbContext();
        var completion = await db.Completions.AsNoTracking().SingleAsync(c => c.Source == CompletionSource.Xapi);
        Assert.Equal(app.Data.NurseA.Id, completion.StaffMemberId);
        Assert.Contains(passed["id"]!.GetValue<string>(), completion.Reference, StringComparison.Ordinal);
        Assert.Equal("xapi:National e-learning", completion.RecordedBy);

        // A completed statement by mbox (result.completion) counts too; organisation B's identical statement does not touch A.
        var other = await Lrs.ClientAsync(app, app.Data.OrgB);
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(other, Lrs.Statement(activity: Course, verb: "http://adlnet.gov/expapi/verbs/passed"))).StatusCode);
        Assert.Equal(1, await db.Completions.CountAsync(c => c.Source == CompletionSource.Xapi));
        var completed = Lrs.Statement(activity: Course, verb: "http://adlnet.gov/expapi/verbs/experienced");
        completed["result"] = new JsonObject { ["completion"] = true };
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, completed)).StatusCode);
        Assert.Equal(2, await db.Completions.CountAsync(c => c.Source == CompletionSource.Xapi && c.StaffMemberId == app.Data.NurseA.Id));

        // Revoked credentials stop at once.
        var clientId = int.Parse(created.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/lrs/clients/{clientId}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await lrs.GetAsync("/xapi/statements")).StatusCode);
    }
}
