using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Learning;

/// <summary>Taking an assessment through the API: drawing, marking, attempt limits, and compliance moving the moment a learner passes.</summary>
public class AssessmentTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Passing_draws_per_outcome_marks_every_type_and_makes_the_learner_compliant_at_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (moduleId, versionId) = await TestModules.AddAsync(app, app.Data.OrgA);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);

        // Before: overdue, and My learning offers this module for it.
        var before = await learner.GetFromJsonAsync<JsonElement>("/api/v1/me/learning");
        var item = before.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("module").ValueKind == JsonValueKind.Object
            && i.GetProperty("module").GetProperty("moduleId").GetInt32() == moduleId);
        Assert.Equal("Overdue", item.GetProperty("section").GetString());
        Assert.Contains("Adult BLS — clinical staff", item.GetProperty("why").GetString(), StringComparison.Ordinal);

        var attempt = await TestModules.StartAttemptAsync(learner, moduleId);
        var items = attempt.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        Assert.Equal(2, items.Count(i => i.GetProperty("outcome").GetString() == "LO1"));
        Assert.Equal(2, items.Count(i => i.GetProperty("outcome").GetString() == "LO2"));
        Assert.All(items, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("correctAnswer").ValueKind)); // no answers before submitting
        foreach (var choice in items.Where(i => i.GetProperty("type").GetString() is "Single" or "Multiple" or "Ordering"))
        {
            var shown = choice.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("index").GetInt32()).Order().ToList();
            Assert.Equal(Enumerable.Range(0, shown.Count), shown); // a permutation of all options
        }

        var submit = await learner.PostAsJsonAsync($"/api/v1/attempts/{attempt.GetProperty("id").GetInt64()}/submit",
            new { responses = TestModules.Responses(attempt, TestModules.RightAnswers) });
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var result = await submit.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("passed").GetBoolean());
        Assert.Equal(100, result.GetProperty("scorePercent").GetInt32());

        // The manager's view of the nurse moved at once, and the completion names the version passed.
        var person = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.NurseA.Id}");
        var bls = person.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("competencyCode").GetString() == "CSTF-RES-2A");
        Assert.Equal("Up to date", bls.GetProperty("label").GetString());
        Assert.Equal("2026-03-02", bls.GetProperty("lastCompleted").GetString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var completion = await db.Completions.SingleAsync(c => c.StaffMemberId == app.Data.NurseA.Id && c.Source == CompletionSource.Module);
            Assert.Equal(versionId, completion.ModuleVersionId);
            Assert.Equal(TestData.LearnerEmail, completion.RecordedBy);
            var answers = await db.AttemptItems.Where(i => i.AttemptId == attempt.GetProperty("id").GetInt64()).ToListAsync();
            Assert.All(answers, a => Assert.True(a.Correct));
            Assert.All(answers, a => Assert.False(string.IsNullOrEmpty(a.Response)));
        }

        // After: marked with feedback, gone from the to-do list, in the history with a certificate.
        var marked = await learner.GetFromJsonAsync<JsonElement>($"/api/v1/attempts/{attempt.GetProperty("id").GetInt64()}");
        Assert.All(marked.GetProperty("items").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("feedback").GetString())));
        var after = await learner.GetFromJsonAsync<JsonElement>("/api/v1/me/learning");
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("section").GetString() == "Overdue"
            && i.GetProperty("title").GetString()!.Contains("Adult Basic Life Support", StringComparison.Ordinal));
        var history = after.GetProperty("history").EnumerateArray().First(h => h.GetProperty("source").GetString() == "Module");
        var certificate = await learner.GetStringAsync($"/learning/certificates/{history.GetProperty("certificateId").GetInt64()}");
        Assert.Contains("Amara Okafor", certificate, StringComparison.Ordinal);
        Assert.Contains("Adult basic life support", certificate, StringComparison.Ordinal);
        Assert.Contains("Verification code", certificate, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Failing_uses_an_attempt_and_after_the_limit_the_learner_is_told_who_to_contact(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (moduleId, _) = await TestModules.AddAsync(app, app.Data.OrgA, attemptLimit: 2);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);

        for (var n = 1; n <= 2; n++)
        {
            var attempt = await TestModules.StartAttemptAsync(learner, moduleId);
            Assert.Equal(n, attempt.GetProperty("number").GetInt32());
            var submit = await learner.PostAsJsonAsync($"/api/v1/attempts/{attempt.GetProperty("id").GetInt64()}/submit",
                new { responses = TestModules.Responses(attempt, TestModules.WrongAnswers) });
            var result = await submit.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(result.GetProperty("passed").GetBoolean());
            Assert.Equal(0, result.GetProperty("scorePercent").GetInt32());
            var marked = await learner.GetFromJsonAsync<JsonElement>($"/api/v1/attempts/{attempt.GetProperty("id").GetInt64()}");
            Assert.All(marked.GetProperty("items").EnumerateArray(), i => Assert.False(i.GetProperty("correct").GetBoolean()));
        }

        var third = await learner.PostAsync($"/api/v1/modules/{moduleId}/attempts", null);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Contains("Resuscitation team, extension 2222", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await learner.GetStringAsync($"/learning/modules/{moduleId}");
        Assert.Contains("No attempts left", page, StringComparison.Ordinal);
        Assert.Contains("Resuscitation team, extension 2222", page, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Completions.AnyAsync(c => c.Source == CompletionSource.Module));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Unanswered_and_malformed_answers_are_named_and_nothing_is_marked(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (moduleId, _) = await TestModules.AddAsync(app, app.Data.OrgA);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var attempt = await TestModules.StartAttemptAsync(learner, moduleId);
        var id = attempt.GetProperty("id").GetInt64();
        var answers = TestModules.Responses(attempt, TestModules.RightAnswers);
        var first = attempt.GetProperty("items")[0].GetProperty("position").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        answers.Remove(first);

        var response = await learner.PostAsJsonAsync($"/api/v1/attempts/{id}/submit", new { responses = answers });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty($"responses.{first}", out _));

        var still = await learner.GetFromJsonAsync<JsonElement>($"/api/v1/attempts/{id}");
        Assert.Equal(JsonValueKind.Null, still.GetProperty("submittedAt").ValueKind);
        Assert.All(still.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("response").ValueKind));

        // Starting again resumes the same open attempt rather than drawing a new one.
        var again = await learner.PostAsync($"/api/v1/modules/{moduleId}/attempts", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attemptId").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Attempts_are_private_and_modules_stay_in_their_organisation(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (moduleA, versionA) = await TestModules.AddAsync(app, app.Data.OrgA);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var attempt = await TestModules.StartAttemptAsync(learner, moduleA);
        var id = attempt.GetProperty("id").GetInt64();

        var manager = await app.SignedInClientAsync(TestData.ManagerEmail); // same organisation, not their attempt
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/attempts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/v1/attempts/{id}/submit",
            new { responses = TestModules.Responses(attempt, TestModules.RightAnswers) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/learning/attempts/{id}")).StatusCode);

        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/modules/{moduleA}/attempts", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/learning/modules/{moduleA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/learning/versions/{versionA}/lessons/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/learning/versions/{versionA}/media/chain.svg")).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/v1/modules")).EnumerateArray());

        var anonymous = app.NewClient();
        var media = await anonymous.GetAsync($"/learning/versions/{versionA}/media/chain.svg");
        Assert.Equal(HttpStatusCode.Redirect, media.StatusCode);
        Assert.Contains("/account/login", media.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lessons_render_safely_serve_their_media_and_remember_where_the_learner_was(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (moduleId, versionId) = await TestModules.AddAsync(app, app.Data.OrgA);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);

        var lesson = await learner.GetStringAsync($"/learning/versions/{versionId}/lessons/1");
        Assert.Contains("<table>", lesson, StringComparison.Ordinal);
        Assert.Contains("markdown-alert-warning", lesson, StringComparison.Ordinal);
        Assert.Contains($"src=\"/learning/versions/{versionId}/media/chain.svg\"", lesson, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", lesson, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", lesson, StringComparison.Ordinal);

        var media = await learner.GetAsync($"/learning/versions/{versionId}/media/chain.svg");
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("image/svg+xml", media.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", media.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        await learner.GetStringAsync($"/learning/versions/{versionId}/lessons/2");
        var module = await learner.GetStringAsync($"/learning/modules/{moduleId}");
        Assert.Contains("Resume at lesson 2", module, StringComparison.Ordinal);
        var mine = await learner.GetFromJsonAsync<JsonElement>("/api/v1/me/learning");
        var item = mine.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("module").ValueKind == JsonValueKind.Object
            && i.GetProperty("module").GetProperty("moduleId").GetInt32() == moduleId);
        Assert.Equal(2, item.GetProperty("resumeLesson").GetInt32());
        var page = await learner.GetStringAsync("/learning");
        Assert.Contains($"/learning/versions/{versionId}/lessons/2", page, StringComparison.Ordinal);
    }
}
