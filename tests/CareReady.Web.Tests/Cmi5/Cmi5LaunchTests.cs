using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Cmi5;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Cmi5;

/// <summary>Launching an AU and what its session may do in the LRS, on both databases (cmi5 sections 8–10).</summary>
public class Cmi5LaunchTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_launch_writes_launch_data_and_a_launched_statement_and_the_fetch_url_gives_the_token_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (courseId, auId, _) = await TestCourse.ImportAsync(app);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);

        var launch = await learner.PostAsync($"/api/v1/cmi5/courses/{courseId}/aus/{auId}/launch", null);
        Assert.Equal(HttpStatusCode.OK, launch.StatusCode);
        var url = new Uri((await launch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!);
        Assert.Equal($"/cmi5/content/{courseId}/au/index.html", url.AbsolutePath);
        var p = TestAu.Query(url);
        Assert.Equal(["endpoint", "fetch", "actor", "registration", "activityId"], p.Keys);
        Assert.Equal("http://localhost/xapi/", p["endpoint"]);
        var actor = JsonNode.Parse(p["actor"])!;
        Assert.Equal((app.Data.NurseA.EmployeeNumber, "Agent"), (actor["account"]!["name"]!.GetValue<string>(), actor["objectType"]!.GetValue<string>()));

        // The fetch URL: a token the first time, error 1 (and no token) after; both 200 application/json.
        var anonymous = app.NewClient();
        var fetchPath = new Uri(p["fetch"]).PathAndQuery;
        var first = await anonymous.PostAsync(fetchPath, null);
        var second = await anonymous.PostAsync(fetchPath, null);
        Assert.Equal((HttpStatusCode.OK, "application/json"), (first.StatusCode, first.Content.Headers.ContentType?.MediaType));
        var token = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("auth-token").GetString()!;
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("1", again.GetProperty("error-code").GetString());
        Assert.False(again.TryGetProperty("auth-token", out _));
        var badCode = await anonymous.PostAsync(fetchPath[..^3] + "xyz", null);
        Assert.Equal("3", (await badCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error-code").GetString());

        // LMS.LaunchData, read with the token.
        var lrs = app.NewClient();
        lrs.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", token);
        lrs.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        var state = await lrs.GetFromJsonAsync<JsonElement>(TestAu.StateUrl(p));
        Assert.Equal(("Normal", "Passed", 0.8m, $"http://localhost/learning/cmi5/{courseId}", "AnyWindow"),
            (state.GetProperty("launchMode").GetString(), state.GetProperty("moveOn").GetString(), state.GetProperty("masteryScore").GetDecimal(),
             state.GetProperty("returnURL").GetString(), state.GetProperty("launchMethod").GetString()));
        var template = state.GetProperty("contextTemplate");
        Assert.Equal(TestCourse.AuId, template.GetProperty("contextActivities").GetProperty("grouping")[0].GetProperty("id").GetString());
        var sessionId = template.GetProperty("extensions").GetProperty(Cmi5Vocabulary.SessionIdExtension).GetString();

        // The "launched" statement is in the LRS for the registration.
        var statements = await lrs.GetFromJsonAsync<JsonElement>($"/xapi/statements?registration={p["registration"]}");
        var launched = Assert.Single(statements.GetProperty("statements").EnumerateArray());
        Assert.Equal((Cmi5Vocabulary.Launched, p["activityId"], sessionId),
            (launched.GetProperty("verb").GetProperty("id").GetString(), launched.GetProperty("object").GetProperty("id").GetString(),
             launched.GetProperty("context").GetProperty("extensions").GetProperty(Cmi5Vocabulary.SessionIdExtension).GetString()));
        Assert.Equal("Passed", launched.GetProperty("context").GetProperty("extensions").GetProperty(Cmi5Vocabulary.MoveOnExtension).GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_session_token_reaches_only_its_own_registration_activity_and_learner_under_the_cmi5_rules(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (courseId, auId, _) = await TestCourse.ImportAsync(app);
        var au = await TestAu.LaunchAsync(app, await app.SignedInClientAsync(TestData.LearnerEmail), courseId, auId);

        // Other activities, registrations, agents and resources: 403.
        Assert.Equal(HttpStatusCode.Forbidden, (await au.Lrs.GetAsync(TestAu.StateUrl(au.Parameters, activityId: TestCourse.AuId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await au.Lrs.GetAsync("/xapi/statements")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await au.Lrs.GetAsync($"/xapi/statements?registration={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await au.Lrs.GetAsync("/xapi/activities/profile?activityId=" + Uri.EscapeDataString(au.ActivityId))).StatusCode);
        var otherAgent = Uri.EscapeDataString("{\"mbox\":\"mailto:someone@a.example\"}");
        Assert.Equal(HttpStatusCode.Forbidden, (await au.Lrs.GetAsync($"/xapi/activities/state?activityId={Uri.EscapeDataString(au.ActivityId)}&agent={otherAgent}&registration={au.Registration}&stateId=x")).StatusCode);

        // The cmi5 rules on statements.
        var first = await au.SendAsync(au.Statement(Cmi5Vocabulary.Completed, new JsonObject { ["completion"] = true, ["duration"] = "PT1M" }));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Contains("the first statement of a cmi5 session must be \"initialized\"", await DetailAsync(first), StringComparison.Ordinal);
        var someoneElse = au.Statement(Cmi5Vocabulary.Initialized);
        someoneElse["actor"] = new JsonObject { ["mbox"] = "mailto:someone@a.example" };
        Assert.Equal(HttpStatusCode.Forbidden, (await au.SendAsync(someoneElse)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await au.SendAsync(au.Statement(Cmi5Vocabulary.Satisfied))).StatusCode);
        var wrongSession = au.Statement(Cmi5Vocabulary.Initialized);
        wrongSession["context"]!["extensions"]![Cmi5Vocabulary.SessionIdExtension] = Guid.NewGuid().ToString();
        Assert.Contains("session id extension", await DetailAsync(await au.SendAsync(wrongSession)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await au.SendAsync(au.Statement(Cmi5Vocabulary.Initialized))).StatusCode);
        Assert.Contains("already sent in this session", await DetailAsync(await au.SendAsync(au.Statement(Cmi5Vocabulary.Initialized))), StringComparison.Ordinal);
        var voiding = au.Statement("http://adlnet.gov/expapi/verbs/voided");
        voiding["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = Guid.NewGuid().ToString() };
        Assert.Equal(HttpStatusCode.Forbidden, (await au.SendAsync(voiding)).StatusCode);
        var belowMastery = await au.SendAsync(au.Statement(Cmi5Vocabulary.Passed, TestAu.Scored(0.5m, true)));
        Assert.Equal(HttpStatusCode.BadRequest, belowMastery.StatusCode);
        Assert.Contains("below the masteryScore 0.8", await DetailAsync(belowMastery), StringComparison.Ordinal);

        // The state documents of its own activity work; a token that is not one is refused.
        var put = await au.Lrs.PutAsync(TestAu.StateUrl(au.Parameters).Replace("LMS.LaunchData", "bookmark", StringComparison.Ordinal),
            new StringContent("{\"page\":2}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var forged = app.NewClient();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"cmi5.{Guid.Parse(au.SessionId):N}:not-the-secret")));
        forged.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(TestAu.StateUrl(au.Parameters))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Passed_satisfies_the_course_and_records_the_module_completion_and_nothing_is_accepted_after_terminated(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (courseId, auId, moduleId) = await TestCourse.ImportAsync(app);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var au = await TestAu.LaunchAsync(app, learner, courseId, auId);

        Assert.Equal(HttpStatusCode.OK, (await au.SendAsync(au.Statement(Cmi5Vocabulary.Initialized))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await au.SendAsync(
            au.Statement(Cmi5Vocabulary.Passed, TestAu.Scored(0.9m, true)),
            au.Statement(Cmi5Vocabulary.Terminated, new JsonObject { ["duration"] = "PT3M" }))).StatusCode);

        await using (var db = app.NewDbContext())
        {
            var completion = await db.Completions.AsNoTracking().SingleAsync(c => c.StaffMemberId == app.Data.NurseA.Id && c.ModuleVersionId != null);
            var version = await db.ModuleVersions.AsNoTracking().Include(v => v.Confers).SingleAsync(v => v.ModuleId == moduleId);
            Assert.Equal((version.Id, Assert.Single(version.Confers).CompetencyId, CompletionSource.Module, DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime)),
                (completion.ModuleVersionId, completion.CompetencyId, completion.Source, completion.CompletedOn));
            var course = await db.Cmi5Courses.AsNoTracking().SingleAsync(c => c.Id == courseId);
            var satisfied = await db.XapiStatements.AsNoTracking().Where(s => s.VerbId == Cmi5Vocabulary.Satisfied).ToListAsync();
            Assert.Equal(course.LmsId, Assert.Single(satisfied).ActivityId);
            Assert.Equal(Guid.Parse(au.Registration), satisfied[0].Registration);
            Assert.Contains(au.SessionId, satisfied[0].Json, StringComparison.Ordinal);
        }

        var afterEnd = await au.SendAsync(au.Statement("http://adlnet.gov/expapi/verbs/experienced"));
        Assert.Equal(HttpStatusCode.Forbidden, afterEnd.StatusCode);
        Assert.Contains("terminated", await DetailAsync(afterEnd), StringComparison.Ordinal);

        // The learner sees the course done, and the module's training in their history.
        var course2 = await learner.GetFromJsonAsync<JsonElement>($"/api/v1/cmi5/courses/{courseId}");
        Assert.True(course2.GetProperty("satisfied").GetBoolean());
        Assert.True(course2.GetProperty("aus")[0].GetProperty("satisfied").GetBoolean());
        var page = await (await learner.GetAsync("/learning")).Content.ReadAsStringAsync();
        await using var names = app.NewDbContext();
        var competency = await names.Competencies.AsNoTracking().Where(c => c.Code == TestCourse.Competency).Select(c => c.Name).SingleAsync();
        var history = page[page.IndexOf("<h2>History</h2>", StringComparison.Ordinal)..];
        Assert.Contains(competency, history, StringComparison.Ordinal);

        // A certificate, linked from the course page and the history, worded for a course and without a score.
        var certificate = await names.IssuedCertificates.AsNoTracking().SingleAsync();
        var registrationId = await names.Cmi5Registrations.Where(r => r.Registration == Guid.Parse(au.Registration)).Select(r => r.Id).SingleAsync();
        Assert.Equal((app.Data.NurseA.Id, CertificateRoute.Cmi5Course, (int?)registrationId, (int?)null),
            (certificate.StaffMemberId, certificate.Route, certificate.Cmi5RegistrationId, certificate.ScorePercent));
        var path = $"/learning/certificates/{certificate.Id}";
        Assert.Equal(certificate.Id, course2.GetProperty("certificateId").GetInt64());
        Assert.Contains($"href=\"{path}\" data-testid=\"course-certificate\"", await learner.GetStringAsync($"/learning/cmi5/{courseId}"), StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{path}\">View certificate</a>", history, StringComparison.Ordinal);
        var certificatePage = await learner.GetStringAsync(path);
        Assert.Contains("completed the e-learning course for", certificatePage, StringComparison.Ordinal);
        Assert.DoesNotContain(">Score<", certificatePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Failed_records_no_completion_and_a_session_left_open_is_abandoned_at_the_next_launch(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (courseId, auId, _) = await TestCourse.ImportAsync(app);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var au = await TestAu.LaunchAsync(app, learner, courseId, auId);

        Assert.Equal(HttpStatusCode.OK, (await au.SendAsync(au.Statement(Cmi5Vocabulary.Initialized), au.Statement(Cmi5Vocabulary.Failed, TestAu.Scored(0.5m, false)))).StatusCode);
        Assert.Contains("meets the masteryScore", await DetailAsync(await au.SendAsync(au.Statement(Cmi5Vocabulary.Failed, TestAu.Scored(0.85m, false)))), StringComparison.Ordinal);

        // The learner closes the window without "terminated" and launches again.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await TestAu.LaunchAsync(app, learner, courseId, auId);
        Assert.Equal(au.Registration, second.Registration);
        Assert.NotEqual(au.SessionId, second.SessionId);

        await using (var db = app.NewDbContext())
        {
            Assert.Equal(0, await db.Completions.CountAsync(c => c.StaffMemberId == app.Data.NurseA.Id && c.ModuleVersionId != null));
            Assert.Equal(0, await db.XapiStatements.CountAsync(s => s.VerbId == Cmi5Vocabulary.Satisfied));
            var abandoned = await db.XapiStatements.AsNoTracking().SingleAsync(s => s.VerbId == Cmi5Vocabulary.Abandoned);
            Assert.Contains(au.SessionId, abandoned.Json, StringComparison.Ordinal);
            Assert.Contains("\"duration\":\"PT0S\"", abandoned.Json, StringComparison.Ordinal);
        }

        var late = await au.SendAsync(au.Statement(Cmi5Vocabulary.Terminated));
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("abandoned", await DetailAsync(late), StringComparison.Ordinal);

        // Passing in the new session then satisfies the course.
        Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(second.Statement(Cmi5Vocabulary.Initialized), second.Statement(Cmi5Vocabulary.Passed, TestAu.Scored(1m, true)))).StatusCode);
        await using var after = app.NewDbContext();
        Assert.Equal(1, await after.Completions.CountAsync(c => c.StaffMemberId == app.Data.NurseA.Id && c.ModuleVersionId != null));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Browse_and_review_launches_record_nothing_and_review_keeps_the_finished_registration(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (courseId, auId, _) = await TestCourse.ImportAsync(app);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var launchPath = $"/api/v1/cmi5/courses/{courseId}/aus/{auId}/launch";

        var unknown = await learner.PostAsync(launchPath + "?mode=Preview", null);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("expected Normal, Browse or Review", await DetailAsync(unknown), StringComparison.Ordinal);
        var tooEarly = await learner.PostAsync(launchPath + "?mode=Review", null);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Contains("can be reviewed once you have finished it", await DetailAsync(tooEarly), StringComparison.Ordinal);

        // Browse: the mode is in the launch data and the launched statement; only initialized and terminated are accepted.
        var browse = await TestAu.LaunchAsync(app, learner, courseId, auId, "browse");
        Assert.Equal("Browse", browse.LaunchData["launchMode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await browse.SendAsync(browse.Statement(Cmi5Vocabulary.Initialized))).StatusCode);
        var passedWhileBrowsing = await browse.SendAsync(browse.Statement(Cmi5Vocabulary.Passed, TestAu.Scored(0.9m, true)));
        Assert.Equal(HttpStatusCode.BadRequest, passedWhileBrowsing.StatusCode);
        Assert.Contains("launched in Browse mode", await DetailAsync(passedWhileBrowsing), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browse.SendAsync(browse.Statement(Cmi5Vocabulary.Terminated, new JsonObject { ["duration"] = "PT1M" }))).StatusCode);

        // Taking it for real then passes it in the same registration.
        var normal = await TestAu.LaunchAsync(app, learner, courseId, auId);
        Assert.Equal((browse.Registration, "Normal"), (normal.Registration, normal.LaunchData["launchMode"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await normal.SendAsync(normal.Statement(Cmi5Vocabulary.Initialized), normal.Statement(Cmi5Vocabulary.Passed, TestAu.Scored(0.9m, true)),
            normal.Statement(Cmi5Vocabulary.Terminated, new JsonObject { ["duration"] = "PT3M" }))).StatusCode);

        // Review: the finished registration again (no new one), and no results.
        var review = await TestAu.LaunchAsync(app, learner, courseId, auId, "Review");
        Assert.Equal((normal.Registration, "Review"), (review.Registration, review.LaunchData["launchMode"]!.GetValue<string>()));
        // Same registration, so the same LMS.LaunchData URL as before: no browser may answer it from its cache.
        Assert.Equal(TestAu.StateUrl(normal.Parameters), TestAu.StateUrl(review.Parameters));
        Assert.True((await review.Lrs.GetAsync(TestAu.StateUrl(review.Parameters))).Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, (await review.SendAsync(review.Statement(Cmi5Vocabulary.Initialized))).StatusCode);
        Assert.Contains("launched in Review mode", await DetailAsync(await review.SendAsync(review.Statement(Cmi5Vocabulary.Completed, new JsonObject { ["completion"] = true }))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await review.SendAsync(review.Statement(Cmi5Vocabulary.Terminated, new JsonObject { ["duration"] = "PT1M" }))).StatusCode);

        await using (var db = app.NewDbContext())
        {
            Assert.Equal(1, await db.Completions.CountAsync(c => c.StaffMemberId == app.Data.NurseA.Id && c.ModuleVersionId != null));
            Assert.Equal(1, await db.Cmi5Registrations.CountAsync(r => r.CourseId == courseId));
            var launched = await db.XapiStatements.AsNoTracking().Where(s => s.VerbId == Cmi5Vocabulary.Launched).OrderBy(s => s.Seq).Select(s => s.Json).ToListAsync();
            Assert.Equal(["Browse", "Normal", "Review"], launched.Select(j => JsonNode.Parse(j)!["context"]!["extensions"]![Cmi5Vocabulary.LaunchModeExtension]!.GetValue<string>()));
        }

        // Launching normally after it is finished starts a new registration (a retake).
        var retake = await TestAu.LaunchAsync(app, learner, courseId, auId);
        Assert.NotEqual(normal.Registration, retake.Registration);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_compliance_lead_can_waive_an_au_which_satisfies_the_course(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (courseId, auId, _) = await TestCourse.ImportAsync(app);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        await learner.PostAsync($"/api/v1/cmi5/courses/{courseId}/aus/{auId}/launch", null);
        var url = $"/api/v1/cmi5/courses/{courseId}/aus/{auId}/waive";

        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PostAsJsonAsync(url, new { staffMemberId = app.Data.NurseA.Id, reason = "Tested" })).StatusCode);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var bad = await lead.PostAsJsonAsync(url, new { staffMemberId = app.Data.NurseA.Id, reason = "Because" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("reason must be one of Tested, Equivalent, Administrative", await DetailAsync(bad), StringComparison.Ordinal);
        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync(url, new { staffMemberId = app.Data.NurseA.Id, reason = "Tested" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await lead.PostAsJsonAsync(url, new { staffMemberId = app.Data.NurseA.Id, reason = "Equivalent" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PostAsJsonAsync(url, new { staffMemberId = app.Data.NurseA.Id, reason = "Equivalent" })).StatusCode);
        await using var db = app.NewDbContext();
        var waived = await db.XapiStatements.AsNoTracking().SingleAsync(s => s.VerbId == Cmi5Vocabulary.Waived);
        Assert.Contains($"\"{Cmi5Vocabulary.ReasonExtension}\":\"Equivalent\"", waived.Json, StringComparison.Ordinal);
        Assert.Equal(1, await db.XapiStatements.CountAsync(s => s.VerbId == Cmi5Vocabulary.Satisfied));
        Assert.Equal(1, await db.Completions.CountAsync(c => c.StaffMemberId == app.Data.NurseA.Id && c.ModuleVersionId != null));
        // The earlier launch left open is not abandoned by a waiver; the waiver has its own session.
        Assert.DoesNotContain(await db.Cmi5Sessions.Select(s => s.SessionId.ToString()).ToListAsync(), s => waived.Json.Contains(s, StringComparison.Ordinal));
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.StartsWith('{') && JsonNode.Parse(text)?["detail"] is JsonValue detail ? detail.GetValue<string>() : text;
    }
}
