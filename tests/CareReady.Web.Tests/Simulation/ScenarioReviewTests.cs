using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CareReady.Web.Tests.Simulation.SimulationPlay;

namespace CareReady.Web.Tests.Simulation;

/// <summary>Scenario versions go draft → in review → published (or back to draft with a note), approved by someone else, like modules.</summary>
public class ScenarioReviewTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_uploaded_scenario_is_a_draft_nobody_can_play_until_a_different_reviewer_approves_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var (code, number) = await UploadAsync(educator, SeedFile("deteriorating-adult.json"));
        Assert.Equal((Deteriorating, 1), (code, number));

        // A draft is not listed or playable.
        Assert.Empty((await learner.GetFromJsonAsync<JsonElement>("/api/v1/simulations")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsync($"/api/v1/simulations/{code}/runs", null)).StatusCode);

        // Only an approver reviews, only a version in review, never their own submission.
        Assert.Equal(HttpStatusCode.Conflict, (await lead.PostAsJsonAsync($"/api/v1/simulations/{code}/versions/1/review", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await educator.PostAsync($"/api/v1/simulations/{code}/versions/1/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await educator.PostAsJsonAsync($"/api/v1/simulations/{code}/versions/1/review", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PostAsync($"/api/v1/simulations/{code}/versions/1/submit", null)).StatusCode);
        var inReview = await educator.PostAsync("/api/v1/simulations", new StringContent(SeedFile("deteriorating-adult.json"), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Conflict, inReview.StatusCode); // a version in review is frozen
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsync($"/api/v1/simulations/{code}/runs", null)).StatusCode);

        // Returned with a note (a note is required), fixed, submitted again, approved.
        var noNote = await lead.PostAsJsonAsync($"/api/v1/simulations/{code}/versions/1/review", new { approve = false });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("\"note\"", await noNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/v1/simulations/{code}/versions/1/review", new { approve = false, note = "Check Mr Jones's SpO2 scale." })).StatusCode);
        var returned = Assert.Single((await educator.GetFromJsonAsync<JsonElement>($"/api/v1/simulations/{code}/versions")).EnumerateArray());
        Assert.Equal(("draft", "Check Mr Jones's SpO2 scale."), (returned.GetProperty("status").GetString(), returned.GetProperty("reviewNote").GetString()));
        Assert.Equal((code, 1), await UploadAsync(educator, SeedFile("deteriorating-adult.json").Replace("It is 02:00.", "It is 03:00.", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await educator.PostAsync($"/api/v1/simulations/{code}/versions/1/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsync($"/api/v1/simulations/{code}/runs", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/v1/simulations/{code}/versions/1/review", new { approve = true })).StatusCode);

        var listed = Assert.Single((await learner.GetFromJsonAsync<JsonElement>("/api/v1/simulations")).EnumerateArray());
        Assert.Equal((code, 1), (listed.GetProperty("code").GetString(), listed.GetProperty("version").GetInt32()));
        var run = await StartAsync(learner);
        Assert.Contains("It is 03:00.", (await ViewAsync(learner, run)).GetProperty("text").GetString(), StringComparison.Ordinal);

        // The next upload is version 2, a draft: learners keep playing version 1 until it is approved.
        Assert.Equal((code, 2), await UploadAsync(educator, SeedFile("deteriorating-adult.json")));
        Assert.Equal(1, Assert.Single((await learner.GetFromJsonAsync<JsonElement>("/api/v1/simulations")).EnumerateArray()).GetProperty("version").GetInt32());
        var versions = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/simulations/{code}/versions")).EnumerateArray()
            .Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("status").GetString(), v.GetProperty("publishedBy").GetString())).ToList();
        Assert.Equal([(2, "draft", null), (1, "published", TestData.ComplianceEmail)], versions);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync($"/api/v1/simulations/{code}/versions")).StatusCode);
        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/simulations/{code}/versions/2/review", new { approve = true })).StatusCode);

        // The audit trail records who submitted, returned and approved, with the file's hash.
        await using var db = app.NewDbContext();
        var entries = await db.AuditEntries.Where(e => e.EntityType == "ScenarioVersion").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Contains(entries, e => e.Actor == TestData.ComplianceEmail && (e.After ?? "").Contains("\"PublishedBy\"", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Actor == TestData.ComplianceEmail && (e.After ?? "").Contains("Check Mr Jones", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Actor == TestData.EducatorEmail && (e.After ?? "").Contains("\"SubmittedBy\"", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Actor == TestData.EducatorEmail && (e.After ?? "").Contains("DefinitionHash", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => (e.After + e.Before).Contains("It is 03:00.", StringComparison.Ordinal)); // the file itself is recorded by its hash
        Assert.Equal(ModuleStatus.Published, (await db.ScenarioVersions.SingleAsync(v => v.Number == 1)).Status);
    }
}
