using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Simulation;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CareReady.Web.Tests.Simulation.SimulationPlay;

namespace CareReady.Web.Tests.Simulation;

/// <summary>Clinical simulations through HTTP: publish, play with the two-step AI protocol, debrief, completion, xAPI, reports and scoping.</summary>
public class SimulationTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_learner_plays_through_and_the_debrief_shows_one_over_reliance_with_a_completion_and_xapi_statements(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await PublishAsync(app);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var run = await StartAsync(learner);

        // The AI output appears only after the initial judgement, and the view never carries the answers.
        await OkAsync(learner, run, "intro");
        await OkAsync(learner, run, "okafor-obs");
        var question = await ViewAsync(learner, run);
        Assert.Equal("question", question.GetProperty("kind").GetString());
        Assert.DoesNotContain("\"answer", question.GetRawText(), StringComparison.Ordinal);
        await OkAsync(learner, run, "okafor-news2", number: "8");
        var step1 = await ViewAsync(learner, run);
        Assert.False(step1.GetProperty("awaitingFinal").GetBoolean());
        Assert.Equal(JsonValueKind.Null, step1.GetProperty("ai").ValueKind);
        var noConfidence = await StepAsync(learner, run, "okafor-ai", ["emergency"]);
        Assert.Equal(HttpStatusCode.BadRequest, noConfidence.StatusCode);
        Assert.Contains("confidence", await noConfidence.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await OkAsync(learner, run, "okafor-ai", ["emergency"], confidence: 80);
        var step2 = await ViewAsync(learner, run);
        Assert.True(step2.GetProperty("awaitingFinal").GetBoolean());
        Assert.StartsWith("HIGH risk", step2.GetProperty("ai").GetProperty("prediction").GetString(), StringComparison.Ordinal);
        await OkAsync(learner, run, "okafor-ai", ["emergency"], confidence: 90);

        // A repeated form for a step already answered is refused, not applied twice.
        var stale = await StepAsync(learner, run, "okafor-ai", ["emergency"], confidence: 90);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        await OkAsync(learner, run, "patel-intro");
        await OkAsync(learner, run, "patel-obs");
        await OkAsync(learner, run, "patel-ai", ["urgent"], confidence: 70);
        Assert.StartsWith("LOW risk", (await ViewAsync(learner, run)).GetProperty("ai").GetProperty("prediction").GetString(), StringComparison.Ordinal);
        await OkAsync(learner, run, "patel-ai", ["wait"], confidence: 60);   // over-reliance
        await OkAsync(learner, run, "jones-obs");
        await OkAsync(learner, run, "jones-news2", number: "3");
        await OkAsync(learner, run, "jones-ai", ["continue"], confidence: 60);
        await OkAsync(learner, run, "jones-ai", ["continue"], confidence: 70);
        var last = await StepAsync(learner, run, "handover", ["report"]);
        Assert.True((await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("completed").GetBoolean());

        var debrief = await learner.GetFromJsonAsync<JsonElement>($"/api/v1/simulations/runs/{run}/debrief");
        var reliance = debrief.GetProperty("reliance");
        Assert.Equal(3, reliance.GetProperty("cases").GetInt32());
        Assert.Equal(1, reliance.GetProperty("aiRightCases").GetInt32());
        Assert.Equal(1, reliance.GetProperty("overReliance").GetInt32());
        Assert.Equal(0, reliance.GetProperty("underReliance").GetInt32());
        Assert.Equal(0.5, reliance.GetProperty("rsr").GetDouble());
        Assert.Equal(JsonValueKind.Null, reliance.GetProperty("rair").ValueKind);
        Assert.Equal((5, 6, true), (debrief.GetProperty("score").GetInt32(), debrief.GetProperty("maxScore").GetInt32(), debrief.GetProperty("passed").GetBoolean()));
        var patel = debrief.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("nodeId").GetString() == "patel-ai");
        Assert.StartsWith("Over-reliance", patel.GetProperty("reliance").GetString(), StringComparison.Ordinal);
        Assert.Contains(debrief.GetProperty("feedback").EnumerateArray(), f => f.GetString()!.StartsWith("You changed your answer to follow the AI when it was wrong 1 time", StringComparison.Ordinal));

        await using var db = app.NewDbContext();
        // A pass confers the AI capability and the clinical competency the scenario names.
        var completions = await db.Completions.Where(c => c.Source == CompletionSource.Simulation)
            .Join(db.Competencies, c => c.CompetencyId, k => k.Id, (c, k) => new { c.StaffMemberId, c.Reference, k.Code, k.Subject!.FrameworkCode, Subject = k.Subject.Name })
            .OrderBy(c => c.Code).ToListAsync();
        Assert.Equal(["AIDHT-D6.2-L1", "CLIN-DET-1"], completions.Select(c => c.Code));
        Assert.All(completions, c => Assert.Equal((app.Data.NurseA.Id, $"simulation:{Deteriorating} v1 run {run}"), (c.StaffMemberId, c.Reference)));
        Assert.Equal(("CLIN", "Recognising and escalating the deteriorating adult patient"), (completions[1].FrameworkCode, completions[1].Subject));
        var verbs = await db.SimulationStatements.Where(s => s.RunId == run).OrderBy(s => s.Id).Select(s => s.Verb).ToListAsync();
        Assert.Equal(["launched", "answered", "answered", "answered", "answered", "answered", "answered", "completed", "passed"], verbs);
        var answered = JsonDocument.Parse((await db.SimulationStatements.Where(s => s.RunId == run && s.Verb == "answered").OrderBy(s => s.Id).Skip(2).FirstAsync()).Json).RootElement;
        Assert.Equal("http://adlnet.gov/expapi/verbs/answered", answered.GetProperty("verb").GetProperty("id").GetString());
        Assert.EndsWith("/SIM-DETERIORATING-ADULT/nodes/patel-ai", answered.GetProperty("object").GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.False(answered.GetProperty("result").GetProperty("success").GetBoolean());
        Assert.Equal($"staff-{app.Data.NurseA.Id}", answered.GetProperty("actor").GetProperty("account").GetProperty("name").GetString()); // pseudonymous
        Assert.DoesNotContain("a.example", answered.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_scenario_file_with_errors_is_refused_listing_each_error_with_its_path_and_nothing_is_published(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        var broken = SeedFile("sepsis-screening.json")
            .Replace("\"correct\": \"high-risk\"", "\"correct\": \"treat\"", StringComparison.Ordinal)
            .Replace("\"next\": \"red-flags\"", "\"next\": \"red-flag\"", StringComparison.Ordinal)
            .Replace("\"AIDHT-D6.2-L1\"", "\"AIDHT-D6.2-L1\", 7", StringComparison.Ordinal);
        var response = await educator.PostAsync("/api/v1/simulations", new StringContent(broken, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("path").GetString(), e.GetProperty("message").GetString())).ToList();
        Assert.Equal(
        [
            ("$.confers[1]", "expected a competency code as text."),
            ("$.nodes[2].next", "\"red-flag\" is not the id of a node."),
            ("$.nodes[4].correct", "\"treat\" is not one of this node's option ids."),
        ], errors);

        var unknownCompetency = SeedFile("sepsis-screening.json").Replace("\"AIDHT-D6.2-L1\"", "\"AIDHT-D9.9-L1\"", StringComparison.Ordinal);
        var refused = await educator.PostAsync("/api/v1/simulations", new StringContent(unknownCompetency, Encoding.UTF8, "application/json"));
        Assert.Contains("\"$.confers[0]\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // "Check without publishing" runs the same check as an upload: the unknown competency too, and a good file passes.
        var checkedOnly = await educator.PostAsync("/api/v1/simulations/validate", new StringContent(unknownCompetency, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, checkedOnly.StatusCode);
        Assert.Contains("\"$.confers[0]\"", await checkedOnly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var good = await educator.PostAsync("/api/v1/simulations/validate", new StringContent(SeedFile("sepsis-screening.json"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);

        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var forbidden = await learner.PostAsync("/api/v1/simulations", new StringContent(SeedFile("sepsis-screening.json"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await using var db = app.NewDbContext();
        Assert.Equal(0, await db.ScenarioVersions.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Publishing_again_makes_a_new_version_and_retires_the_old_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await PublishAsync(app, "ai-vendor-data-sharing.json");
        await PublishAsync(app, "ai-vendor-data-sharing.json");
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var list = await learner.GetFromJsonAsync<JsonElement>("/api/v1/simulations");
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal(("SIM-AI-VENDOR-DATA", 2), (only.GetProperty("code").GetString(), only.GetProperty("version").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Runs_and_reports_are_scoped_to_the_learner_the_educators_organisation_and_the_managers_team(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await PublishAsync(app);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var run = await PlayWithOneOverRelianceAsync(learner);

        // Nurse B (Ward B, outside the manager's scope) has a completed run too.
        await using (var db = app.NewDbContext())
        {
            var version = await db.ScenarioVersions.SingleAsync();
            db.ScenarioRuns.Add(new ScenarioRun
            {
                OrganisationId = app.Data.OrgA, ScenarioVersionId = version.Id, StaffMemberId = app.Data.NurseB.Id, CurrentNode = "end", State = "{}",
                StartedAt = TestApp.DefaultNow.UtcDateTime, NodeShownAt = TestApp.DefaultNow.UtcDateTime, CompletedAt = TestApp.DefaultNow.UtcDateTime, Passed = false,
                Responses = [new ScenarioResponse { OrganisationId = app.Data.OrgA, NodeId = "okafor-ai", Sequence = 1, InitialAnswer = "routine", InitialConfidence = 0.6,
                    AiAnswer = "emergency", AiCorrect = true, CorrectAnswer = "emergency", Answer = "routine", Confidence = 0.7, Correct = false, AnsweredAt = TestApp.DefaultNow.UtcDateTime }],
            });
            await db.SaveChangesAsync();
        }

        // Nobody else opens the learner's run or debrief.
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/simulations/runs/{run}/debrief")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/simulations/runs/{run}")).StatusCode);

        // The manager's team: Nurse A (Ward A), not Nurse B.
        var team = await manager.GetFromJsonAsync<JsonElement>("/api/v1/simulations/team");
        var member = Assert.Single(team.GetProperty("members").EnumerateArray());
        Assert.Equal(app.Data.NurseA.Id, member.GetProperty("staffMemberId").GetInt32());
        Assert.Equal(1, member.GetProperty("reliance").GetProperty("overReliance").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/api/v1/simulations/team")).StatusCode);

        // The compliance lead sees both; Nurse B's one decision is an under-reliance.
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var whole = await lead.GetFromJsonAsync<JsonElement>("/api/v1/simulations/team");
        Assert.Equal(2, whole.GetProperty("people").GetInt32());
        Assert.Equal(1, whole.GetProperty("team").GetProperty("underReliance").GetInt32());

        // The educator's report: both learners, the over-reliance at Mrs Patel's decision point.
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        var report = await educator.GetFromJsonAsync<JsonElement>($"/api/v1/simulations/{Deteriorating}/report");
        Assert.Equal(2, report.GetProperty("completedRuns").GetInt32());
        var patel = report.GetProperty("aiPoints").EnumerateArray().Single(p => p.GetProperty("nodeId").GetString() == "patel-ai");
        Assert.Equal((1, 0, 1), (patel.GetProperty("decisions").GetInt32(), patel.GetProperty("aiRight").GetInt32(), patel.GetProperty("overReliance").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync($"/api/v1/simulations/{Deteriorating}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/v1/simulations/{Deteriorating}/report")).StatusCode);

        // The xAPI statements for an LRS: the organisation's, in order, for organisation-wide roles only.
        var statements = await lead.GetFromJsonAsync<JsonElement>("/api/v1/simulations/statements");
        var all = statements.GetProperty("statements").EnumerateArray().ToList();
        Assert.Equal(9, all.Count); // the learner's run: launched, 6 answered, completed, passed (Nurse B's run was inserted without statements)
        Assert.Equal("http://adlnet.gov/expapi/verbs/launched", all[0].GetProperty("verb").GetProperty("id").GetString());
        var after = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/simulations/statements?after={statements.GetProperty("last").GetInt64()}");
        Assert.Empty(after.GetProperty("statements").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/simulations/statements")).StatusCode);

        // Another organisation sees none of it.
        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/simulations/{Deteriorating}/report")).StatusCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/v1/simulations/team")).GetProperty("people").GetInt32());
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/v1/simulations")).EnumerateArray());
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/v1/simulations/statements")).GetProperty("statements").EnumerateArray());

        // The pages render for the people allowed.
        Assert.Contains("data-testid=\"over-reliance\">1<", await learner.GetStringAsync($"/simulations/runs/{run}/debrief"), StringComparison.Ordinal);
        Assert.Contains("Mrs Patel: act on what you see, or on the AI?", await educator.GetStringAsync($"/simulations/{Deteriorating}/report"), StringComparison.Ordinal);
        Assert.Contains("Discrimination (AUROC)", await learner.GetStringAsync("/simulations/model"), StringComparison.Ordinal);
    }
}
