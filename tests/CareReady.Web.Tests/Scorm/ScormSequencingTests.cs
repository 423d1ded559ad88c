using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CareReady.Web.Tests.Scorm.ScormTestPackages;

namespace CareReady.Web.Tests.Scorm;

/// <summary>
/// SCORM 2004 sequencing through HTTP (ADR 0023), with the package authored for it: the final test stays locked until the
/// global objective "ready" is satisfied (by the pre-test or the learning), the learning is skipped once the learner is
/// ready, the pre-test does not count toward completion, and Next / Previous follow flow.
/// </summary>
public class ScormSequencingTests
{
    private static readonly JsonObject Failed = new() { ["cmi.completion_status"] = "completed", ["cmi.success_status"] = "failed", ["cmi.score.scaled"] = "0.3" };
    private static readonly JsonObject Passed = new() { ["cmi.completion_status"] = "completed", ["cmi.success_status"] = "passed", ["cmi.score.scaled"] = "0.9" };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_final_test_opens_once_the_learning_is_passed_and_the_pre_test_does_not_hold_the_module_up(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var imported = await ImportAsync(await app.SignedInClientAsync(TestData.ComplianceEmail), Scorm2004Sequenced);
        var packageId = imported.GetProperty("packageId").GetInt32();
        var modulePage = $"/learning/modules/{imported.GetProperty("moduleId").GetInt32()}";
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);

        var first = await LaunchAsync(learner, packageId);
        Assert.Equal(1, first.GetProperty("sco").GetInt32());
        Assert.Equal([("PRE", true, false, true), ("LEARN", false, false, true), ("FINAL", false, true, false)], Parts(first));
        var attemptId = first.GetProperty("attemptId").GetInt64();

        // Locked: neither opened nor committed to, with a reason for the learner.
        var refused = await learner.PostAsync($"/api/v1/scorm/packages/{packageId}/launch?sco=3", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Disabled", problem.GetProperty("refusal").GetString());
        Assert.Contains("“Final test” is not open to you yet", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await learner.PostAsJsonAsync($"/api/v1/scorm/attempts/{attemptId}/cmi?sco=3", Passed)).StatusCode);
        var page = await learner.GetAsync($"/learning/scorm/{packageId}?sco=3");
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("is not open to you yet", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Failing the pre-test leaves the learner not ready: Next leads to the learning, and Previous back to the pre-test.
        Assert.False(await CompletesAsync(learner, attemptId, 1, Failed));
        var learning = await NavigateAsync(learner, packageId, "continue");
        Assert.Equal((2, 1, 3), (learning.GetProperty("sco").GetInt32(), learning.GetProperty("previous").GetInt32(), learning.GetProperty("next").GetInt32()));
        Assert.Equal(1, (await NavigateAsync(learner, packageId, "previous")).GetProperty("sco").GetInt32());
        Assert.Equal(2, (await NavigateAsync(learner, packageId, "continue")).GetProperty("sco").GetInt32());

        // Still locked, so Next from the learning has nowhere to go yet.
        var stuck = await learner.PostAsync($"/api/v1/scorm/packages/{packageId}/launch?nav=continue", null);
        Assert.Equal(HttpStatusCode.Conflict, stuck.StatusCode);
        Assert.Equal("NoFlow", (await stuck.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusal").GetString());

        // Passing the learning writes "ready": the final test opens (and the learning, now skipped, is optional).
        Assert.False(await CompletesAsync(learner, attemptId, 2, Passed));
        var final = await NavigateAsync(learner, packageId, "continue");
        Assert.Equal(3, final.GetProperty("sco").GetInt32());
        Assert.Equal([("PRE", true, false, true), ("LEARN", true, false, true), ("FINAL", false, false, true)], Parts(final));
        var modulePageNow = await learner.GetStringAsync(modulePage);
        Assert.Contains("data-testid=\"scorm-part-1\">Optional<", modulePageNow, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"scorm-part-2\">Done<", modulePageNow, StringComparison.Ordinal);

        // The final test passes: the module counts although the pre-test failed (it does not count toward completion).
        Assert.True(await CompletesAsync(learner, attemptId, 3, Passed));

        // The SCO that finished it asks to go on: the package is at its end (the launch page returns to the module).
        var end = await learner.PostAsync($"/api/v1/scorm/packages/{packageId}/launch?nav=continue", null);
        Assert.Equal(HttpStatusCode.Conflict, end.StatusCode);
        Assert.Equal("End", (await end.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusal").GetString());
        var endPage = await learner.GetAsync($"/learning/scorm/{packageId}?nav=continue");
        Assert.Equal((HttpStatusCode.Redirect, modulePage), (endPage.StatusCode, endPage.Headers.Location?.OriginalString));

        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.Completions.CountAsync(c => c.Source == CompletionSource.Module));
        var attempt = await db.ScormAttempts.AsNoTracking().SingleAsync();
        Assert.Equal(("completed", "passed", 0.9m), (attempt.CompletionStatus, attempt.SuccessStatus, attempt.ScoreScaled));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Passing_the_pre_test_skips_the_learning_and_the_module_counts_without_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var packageId = (await ImportAsync(await app.SignedInClientAsync(TestData.ComplianceEmail), Scorm2004Sequenced)).GetProperty("packageId").GetInt32();
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var attemptId = (await LaunchAsync(learner, packageId)).GetProperty("attemptId").GetInt64();

        Assert.False(await CompletesAsync(learner, attemptId, 1, Passed));
        var final = await NavigateAsync(learner, packageId, "continue");
        Assert.Equal(3, final.GetProperty("sco").GetInt32());
        Assert.Equal(1, final.GetProperty("previous").GetInt32()); // flow passes over the skipped learning both ways
        Assert.Equal([("PRE", true, false, true), ("LEARN", true, false, true), ("FINAL", false, false, true)], Parts(final));

        // The skipped learning can still be chosen, to read it anyway.
        Assert.Equal(2, (await LaunchAsync(learner, packageId, 2)).GetProperty("sco").GetInt32());
        Assert.True(await CompletesAsync(learner, attemptId, 3, Passed));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_package_whose_sequencing_is_wrong_is_refused_naming_the_element(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var zip = WithManifest(Scorm2004Sequenced, m => m
            .Replace("action=\"skip\"", "action=\"jump\"", StringComparison.Ordinal)
            .Replace("referencedObjective=\"ready\" operator=\"not\" condition=\"satisfied\"", "referencedObjective=\"readiness\" operator=\"not\" condition=\"satisfied\"", StringComparison.Ordinal)
            .Replace("IDRef=\"reads-ready\"", "IDRef=\"reads-readiness\"", StringComparison.Ordinal));
        var response = await lead.PostAsync("/api/v1/scorm/packages", Form(zip));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"line {e.GetProperty("line")}: {e.GetProperty("message").GetString()}").ToList();
        Assert.Contains(errors, e => e.Contains("<preConditionRule> needs <ruleAction action=\"…\"> with skip, disabled, hiddenFromChoice or stopForwardTraversal; found 'jump'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("<ruleCondition referencedObjective=\"readiness\"> names no objective of this item; objectives: final, ready", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("<sequencing IDRef=\"reads-readiness\"> names nothing in <sequencingCollection>; IDs there: reads-ready", StringComparison.Ordinal));
        await using var db = app.NewDbContext();
        Assert.Equal(0, await db.ScormPackages.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Navigation_that_is_not_continue_or_previous_is_a_bad_request(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var packageId = (await ImportAsync(await app.SignedInClientAsync(TestData.ComplianceEmail), Scorm2004Sequenced)).GetProperty("packageId").GetInt32();
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var response = await learner.PostAsync($"/api/v1/scorm/packages/{packageId}/launch?nav=jump", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expected 'continue' or 'previous'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>(identifier, optional, locked, choosable) of each part in a launch response.</summary>
    private static List<(string?, bool, bool, bool)> Parts(JsonElement launch) =>
        [.. launch.GetProperty("parts").EnumerateArray().Select(p => (p.GetProperty("identifier").GetString(), p.GetProperty("optional").GetBoolean(),
            p.GetProperty("locked").GetBoolean(), p.GetProperty("choosable").GetBoolean()))];

    private static async Task<JsonElement> NavigateAsync(HttpClient learner, int packageId, string nav)
    {
        var response = await learner.PostAsync($"/api/v1/scorm/packages/{packageId}/launch?nav={nav}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<bool> CompletesAsync(HttpClient learner, long attemptId, int sco, JsonObject cmi) =>
        (await CommitAsync(learner, attemptId, (JsonObject)cmi.DeepClone(), sco)).GetProperty("completed").GetBoolean();
}
