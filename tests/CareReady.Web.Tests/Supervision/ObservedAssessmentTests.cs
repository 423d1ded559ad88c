using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Competencies;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Supervision;

/// <summary>
/// A requirement that asks for observed practice is met only with the e-learning and a supervisor's
/// signed-off observation both in place; only the person's line manager, a compliance lead or an
/// educator may sign off, never the person themselves.
/// </summary>
public class ObservedAssessmentTests
{
    private static readonly int BlsCriteria = ObservationChecklists.ForCode("CSTF-RES-2A-OBS")!.Count;

    internal static async Task RequireObservationForBlsAsync(TestApp app)
    {
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var put = await compliance.PutAsJsonAsync($"/api/v1/rules/{app.Data.ResusRule.Id}",
            new { name = "Adult BLS — clinical staff", competencyCode = "CSTF-RES-2A", clinical = true, requiresObservation = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True((await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requiresObservation").GetBoolean());
    }

    internal static async Task AddModuleCompletionAsync(TestApp app, int staffMemberId, string code = "CSTF-RES-2A")
    {
        await using var db = app.NewDbContext();
        var competency = await db.Competencies.SingleAsync(c => c.Code == code);
        db.Completions.Add(new Completion
        {
            OrganisationId = app.Data.OrgA, StaffMemberId = staffMemberId, CompetencyId = competency.Id,
            CompletedOn = new DateOnly(2026, 2, 20), Source = CompletionSource.Module, RecordedAt = TestApp.DefaultNow.UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    private static object Observation(bool signOff, int unmet = -1, string observedOn = "2026-03-01") => new
    {
        competencyCode = "CSTF-RES-2A-OBS",
        observedOn,
        criteriaMet = Enumerable.Range(0, BlsCriteria).Select(i => i != unmet).ToArray(),
        comments = "Good rate and depth; reminded to minimise pauses",
        supervisorName = "Dev Sharma, Ward Manager",
        signOff,
    };

    private static async Task<Dictionary<string, string?>> LabelsAsync(HttpClient client, int personId)
    {
        var person = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{personId}");
        return person.GetProperty("requirements").EnumerateArray()
            .ToDictionary(r => r.GetProperty("competencyCode").GetString()!, r => r.GetProperty("label").GetString());
    }

    private static async Task<(int Required, int Compliant)> ResusAsync(HttpClient client)
    {
        var summary = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/summary");
        var s = summary.GetProperty("subjects").EnumerateArray().Single(x => x.GetProperty("subjectCode").GetString() == "CSTF-RES");
        return (s.GetProperty("required").GetInt32(), s.GetProperty("compliant").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Subject_is_met_only_once_the_module_and_the_signed_off_observation_both_exist(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await RequireObservationForBlsAsync(app);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);

        // The nurse now has two requirements in the subject.
        var labels = await LabelsAsync(manager, app.Data.NurseA.Id);
        Assert.Contains("CSTF-RES-2A", labels.Keys);
        Assert.Contains("CSTF-RES-2A-OBS", labels.Keys);

        // Module only: the e-learning is up to date, the subject is not met.
        await AddModuleCompletionAsync(app, app.Data.NurseA.Id);
        labels = await LabelsAsync(manager, app.Data.NurseA.Id);
        Assert.Equal("Up to date", labels["CSTF-RES-2A"]);
        Assert.NotEqual("Up to date", labels["CSTF-RES-2A-OBS"]);
        Assert.Equal((4, 0), await ResusAsync(compliance));

        // A criterion not met: sign-off refused with a field error, nothing recorded.
        var refused = await manager.PostAsJsonAsync($"/api/v1/people/{app.Data.NurseA.Id}/observed-assessments", Observation(signOff: true, unmet: 5));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("100–120", errors.GetProperty("Criteria")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await manager.GetFromJsonAsync<JsonElement[]>($"/api/v1/people/{app.Data.NurseA.Id}/observed-assessments") ?? []);

        // Every criterion met and signed off: the observed requirement and the subject are met.
        var signed = await manager.PostAsJsonAsync($"/api/v1/people/{app.Data.NurseA.Id}/observed-assessments", Observation(signOff: true));
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        labels = await LabelsAsync(manager, app.Data.NurseA.Id);
        Assert.Equal("Up to date", labels["CSTF-RES-2A-OBS"]);
        Assert.Equal((4, 1), await ResusAsync(compliance));

        // The learner sees it in their record; the completion names its source.
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var mine = Assert.Single(await learner.GetFromJsonAsync<JsonElement[]>($"/api/v1/people/{app.Data.NurseA.Id}/observed-assessments") ?? []);
        Assert.Equal("Signed off", mine.GetProperty("status").GetString());
        Assert.Equal("Dev Sharma, Ward Manager", mine.GetProperty("supervisorName").GetString());
        Assert.All(mine.GetProperty("criteria").EnumerateArray(), c => Assert.True(c.GetProperty("met").GetBoolean()));
        await using var db = app.NewDbContext();
        var completion = await db.Completions.SingleAsync(c => c.StaffMemberId == app.Data.NurseA.Id && c.Source == CompletionSource.ObservedAssessment);
        Assert.Equal(new DateOnly(2026, 3, 1), completion.CompletedOn);
        Assert.Equal(completion.Id, (await db.ObservedAssessments.SingleAsync()).CompletionId);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "ObservedAssessment"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Signed_off_observation_without_the_module_is_not_enough(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await RequireObservationForBlsAsync(app);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var signed = await compliance.PostAsJsonAsync($"/api/v1/people/{app.Data.NurseB.Id}/observed-assessments", Observation(signOff: true));
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);

        var labels = await LabelsAsync(compliance, app.Data.NurseB.Id);
        Assert.Equal("Up to date", labels["CSTF-RES-2A-OBS"]);
        Assert.NotEqual("Up to date", labels["CSTF-RES-2A"]);
        Assert.Equal((4, 0), await ResusAsync(compliance));

        await AddModuleCompletionAsync(app, app.Data.NurseB.Id);
        Assert.Equal((4, 1), await ResusAsync(compliance));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_a_supervisor_of_the_person_may_record_and_never_for_themselves(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        var url = (int personId) => $"/api/v1/people/{personId}/observed-assessments";

        // Ward B is outside this manager's departments; their own record is theirs.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync(url(app.Data.NurseB.Id), Observation(true))).StatusCode);
        var self = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("record").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync(url(self), Observation(true))).StatusCode);

        // The learner cannot sign off their own; another organisation sees nothing.
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PostAsJsonAsync(url(app.Data.NurseA.Id), Observation(true))).StatusCode);
        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync(url(app.Data.NurseA.Id), Observation(true))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url(app.Data.NurseA.Id))).StatusCode);

        // An educator may observe anyone in the organisation; a recorded one can be signed off later.
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        var recorded = await educator.PostAsJsonAsync(url(app.Data.NurseB.Id), Observation(signOff: false, unmet: 2));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await educator.PostAsJsonAsync($"{url(app.Data.NurseB.Id)}/{id}", Observation(true))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await educator.PostAsJsonAsync($"{url(app.Data.NurseB.Id)}/{id}", Observation(true))).StatusCode); // already signed off

        // A date in the future and a knowledge competency are refused.
        var future = await educator.PostAsJsonAsync(url(app.Data.NurseB.Id), Observation(true, observedOn: "2026-03-03"));
        Assert.True((await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ObservedOn", out _));
        var knowledge = await educator.PostAsJsonAsync(url(app.Data.NurseB.Id), new { competencyCode = "CSTF-RES-2A", observedOn = "2026-03-01", criteriaMet = new[] { true }, supervisorName = "E", signOff = true });
        Assert.True((await knowledge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("CompetencyCode", out _));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Observation_can_only_be_required_where_the_catalogue_has_observed_practice(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var response = await compliance.PutAsJsonAsync($"/api/v1/rules/{app.Data.FireRule.Id}",
            new { name = "Fire Safety — all staff", competencyCode = "CSTF-FIRE-1", requiresObservation = true });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("RequiresObservation", out _));
    }
}
