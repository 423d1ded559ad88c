using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CareReady.Web.Tests.Scorm.ScormTestPackages;

namespace CareReady.Web.Tests.Scorm;

/// <summary>
/// SCORM packages through HTTP on both databases: import with per-element manifest errors and zip-slip
/// refusal (nothing stored), files only for the organisation, CMI commits that persist and resume, and
/// completed/passed turning into a completion and an xAPI statement once (failed: nothing).
/// </summary>
public class ScormApiTests
{
    private const string ImportUrl = "/api/v1/scorm/packages";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_scorm12_package_becomes_a_published_module_whose_files_only_its_organisation_can_fetch(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var imported = await ScormTestPackages.ImportAsync(lead, ScormTestPackages.Scorm12);

        Assert.Equal(("Scorm12", "Published", true, 1, "SCORM-SEPSIS-AWARENESS-SCORM-TEST", "Sepsis awareness (SCORM test)"),
            (imported.GetProperty("edition").GetString(), imported.GetProperty("status").GetString(), imported.GetProperty("moduleCreated").GetBoolean(),
             imported.GetProperty("versionNumber").GetInt32(), imported.GetProperty("moduleCode").GetString(), imported.GetProperty("title").GetString()));
        var packageId = imported.GetProperty("packageId").GetInt32();
        await using (var db = app.NewDbContext())
        {
            var version = await db.ModuleVersions.AsNoTracking().Include(v => v.Confers).SingleAsync(v => v.Id == imported.GetProperty("versionId").GetInt32());
            Assert.Equal((ModuleStatus.Published, app.Data.OrgA), (version.Status, version.OrganisationId));
            Assert.Equal(await db.Competencies.Where(c => c.Code == ScormTestPackages.Competency).Select(c => c.Id).SingleAsync(), Assert.Single(version.Confers).CompetencyId);
            Assert.Equal(["imsmanifest.xml", "index.html", "sco.js"], await db.ScormFiles.Where(f => f.ScormPackageId == packageId).Select(f => f.Path).OrderBy(p => p).ToListAsync());
        }

        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var package = await learner.GetFromJsonAsync<JsonElement>($"{ImportUrl}/{packageId}");
        Assert.Equal(("index.html", $"/scorm/packages/{packageId}/content/index.html"), (package.GetProperty("launchPath").GetString(), package.GetProperty("launchUrl").GetString()));

        var page = await learner.GetAsync($"/scorm/packages/{packageId}/content/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("Sepsis awareness", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var script = await learner.GetAsync($"/scorm/packages/{packageId}/content/sco.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/scorm/packages/{packageId}/content/missing.html")).StatusCode);

        // Another organisation: the package, its files and its launch do not exist. Nobody signed in: sent to sign in.
        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{ImportUrl}/{packageId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/scorm/packages/{packageId}/content/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{ImportUrl}/{packageId}/launch", null)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await app.NewClient().GetAsync($"/scorm/packages/{packageId}/content/index.html")).StatusCode);

        // A learner may not import; an educator may import a draft but not publish.
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PostAsync(ImportUrl, ScormTestPackages.Form(ScormTestPackages.Zip(ScormTestPackages.Scorm12), publish: false))).StatusCode);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await educator.PostAsync(ImportUrl, ScormTestPackages.Form(ScormTestPackages.Zip(ScormTestPackages.Scorm12)))).StatusCode);
        var draft = await educator.PostAsync(ImportUrl, ScormTestPackages.Form(ScormTestPackages.Zip(ScormTestPackages.Scorm12), competencies: null, publish: false,
            moduleId: imported.GetProperty("moduleId").GetInt32()));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var second = await draft.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, "Draft", false), (second.GetProperty("versionNumber").GetInt32(), second.GetProperty("status").GetString(), second.GetProperty("moduleCreated").GetBoolean()));
        await using (var db = app.NewDbContext())
        {
            // The new version keeps what the module conferred; learners cannot reach a draft's files.
            Assert.Single(await db.ModuleConferrals.Where(c => c.ModuleVersionId == second.GetProperty("versionId").GetInt32()).ToListAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/scorm/packages/{second.GetProperty("packageId").GetInt32()}/content/index.html")).StatusCode);

        // The draft goes through the usual four-eyes review (no lessons or questions needed) and, approved, replaces version 1.
        var moduleId = imported.GetProperty("moduleId").GetInt32();
        var submitted = await educator.PostAsync($"/api/v1/authoring/modules/{moduleId}/versions/2/submit", null);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var approved = await lead.PostAsJsonAsync($"/api/v1/authoring/modules/{moduleId}/versions/2/review", new { approve = true });
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/scorm/packages/{second.GetProperty("packageId").GetInt32()}/content/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsync($"{ImportUrl}/{packageId}/launch", null)).StatusCode); // version 1 is retired
    }

    public static TheoryData<DatabaseProvider, string, string, int?, string> BadManifests()
    {
        var data = new TheoryData<DatabaseProvider, string, string, int?, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            data.Add(provider, "<schemaversion>1.2</schemaversion>", "<schemaversion>1.3</schemaversion>", 10,
                "<schemaversion> is '1.3'; expected 1.2, CAM 1.3, 2004 2nd Edition, 2004 3rd Edition or 2004 4th Edition");
            data.Add(provider, "<schema>ADL SCORM</schema>", "<schema>IMS Content</schema>", 9, "<schema> is 'IMS Content'; expected 'ADL SCORM'");
            data.Add(provider, "default=\"ORG-1\"", "default=\"ORG-9\"", 12, "<organizations default=\"ORG-9\"> names no <organization>; identifiers found: ORG-1");
            data.Add(provider, "identifierref=\"RES-1\"", "identifierref=\"RES-2\"", 15, "<item identifier=\"ITEM-1\"> identifierref=\"RES-2\" names no <resource>; resources: RES-1");
            data.Add(provider, "href=\"index.html\">", "href=\"start.html\">", 22, "<resource identifier=\"RES-1\"> href 'start.html' is not in the package; the launch file must be in the zip");
            data.Add(provider, "adlcp:scormtype=\"sco\"", "adlcp:scormtype=\"lesson\"", 22, "<resource identifier=\"RES-1\"> has scorm type 'lesson'; expected 'sco' or 'asset'");
            data.Add(provider, "<title>Sepsis awareness (SCORM test)</title>", "<title></title>", 13, "<organization> needs a non-empty <title> (it becomes the module's title)");
            data.Add(provider, "</manifest>", "</manifes>", 27, "is not well-formed XML");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadManifests))]
    public async Task A_bad_manifest_is_refused_naming_the_file_line_and_element_and_nothing_is_stored(DatabaseProvider provider, string from, string to, int? line, string message)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var response = await lead.PostAsync(ImportUrl, ScormTestPackages.Form(ScormTestPackages.WithManifest(ScormTestPackages.Scorm12, m =>
        {
            Assert.Contains(from, m, StringComparison.Ordinal);
            return m.Replace(from, to, StringComparison.Ordinal);
        })));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        var error = Assert.Single(errors);
        Assert.Equal("imsmanifest.xml", error.GetProperty("path").GetString());
        Assert.Equal(line, error.GetProperty("line").ValueKind == JsonValueKind.Null ? null : error.GetProperty("line").GetInt32());
        Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(app);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Zip_slip_a_missing_manifest_unknown_competencies_and_a_zip_bomb_are_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var files = ScormTestPackages.Files(ScormTestPackages.Scorm12);
        files["../../evil.html"] = "<script>alert(1)</script>";
        files["/etc/passwd"] = "root";
        var slip = await Errors(await lead.PostAsync(ImportUrl, ScormTestPackages.Form(ScormTestPackages.Zip(files))));
        Assert.Contains(("../../evil.html", "'..' and '.' are not allowed in paths"), slip);
        Assert.Contains(("/etc/passwd", "absolute paths are not allowed; paths are relative to the top of the package"), slip);

        var nested = ScormTestPackages.Files(ScormTestPackages.Scorm12).ToDictionary(f => "course/" + f.Key, f => f.Value);
        Assert.Equal([("(package)", "imsmanifest.xml is inside a folder (course/imsmanifest.xml); it must be at the top of the zip (zip the folder's contents, not the folder)")],
            await Errors(await lead.PostAsync(ImportUrl, ScormTestPackages.Form(ScormTestPackages.Zip(nested)))));

        Assert.Equal([("(form)", "competencies: 'NOPE-1' is not a competency code in the catalogue")],
            await Errors(await lead.PostAsync(ImportUrl, ScormTestPackages.Form(ScormTestPackages.Zip(ScormTestPackages.Scorm12), competencies: "CSTF-RES-2A, NOPE-1"))));
        Assert.Equal([("(form)", "competencies: name at least one competency code the module confers (e.g. CSTF-FIRE-1)")],
            await Errors(await lead.PostAsync(ImportUrl, ScormTestPackages.Form(ScormTestPackages.Zip(ScormTestPackages.Scorm12), competencies: null))));

        var bomb = ScormTestPackages.Files(ScormTestPackages.Scorm12);
        bomb["padding.txt"] = new string('a', 2 * 1024 * 1024);
        Assert.Equal([("padding.txt", "expands more than 100 times its compressed size (a zip bomb?)")],
            await Errors(await lead.PostAsync(ImportUrl, ScormTestPackages.Form(ScormTestPackages.Zip(bomb)))));

        Assert.Equal([("(package)", "the file is not a zip file")],
            await Errors(await lead.PostAsync(ImportUrl, ScormTestPackages.Form("not a zip"u8.ToArray()))));
        await AssertNothingStoredAsync(app);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Committed_cmi_is_kept_per_attempt_and_a_relaunch_resumes_where_the_learner_left_off(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var packageId = (await ScormTestPackages.ImportAsync(await app.SignedInClientAsync(TestData.ComplianceEmail), ScormTestPackages.Scorm12)).GetProperty("packageId").GetInt32();
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);

        var first = await LaunchAsync(learner, packageId);
        Assert.False(first.GetProperty("resumed").GetBoolean());
        Assert.Equal($"/scorm/packages/{packageId}/content/index.html", first.GetProperty("contentUrl").GetString());
        var initial = first.GetProperty("initial");
        Assert.Equal(("ab-initio", app.Data.NurseA.EmployeeNumber), (initial.GetProperty("cmi.core.entry").GetString(), initial.GetProperty("cmi.core.student_id").GetString()));
        Assert.False(initial.TryGetProperty("cmi.core.lesson_location", out _));

        var attemptId = first.GetProperty("attemptId").GetInt64();
        var commit = await CommitAsync(learner, attemptId, new JsonObject
        {
            ["cmi.core.lesson_location"] = "page-3", ["cmi.suspend_data"] = "seen=1,2,3", ["cmi.core.lesson_status"] = "incomplete",
            ["cmi.core.exit"] = "suspend", ["cmi.core.score.raw"] = 40, ["commitSequence"] = 1,
        });
        Assert.Equal((true, 0, false), (commit.GetProperty("result").GetBoolean(), commit.GetProperty("errorCode").GetInt32(), commit.GetProperty("completed").GetBoolean()));

        var again = await LaunchAsync(learner, packageId);
        Assert.Equal((attemptId, true), (again.GetProperty("attemptId").GetInt64(), again.GetProperty("resumed").GetBoolean()));
        var resumed = again.GetProperty("initial");
        Assert.Equal(("page-3", "seen=1,2,3", "incomplete", "resume", "40"),
            (resumed.GetProperty("cmi.core.lesson_location").GetString(), resumed.GetProperty("cmi.suspend_data").GetString(),
             resumed.GetProperty("cmi.core.lesson_status").GetString(), resumed.GetProperty("cmi.core.entry").GetString(), resumed.GetProperty("cmi.core.score.raw").GetString()));

        await using (var db = app.NewDbContext())
        {
            var attempt = await db.ScormAttempts.AsNoTracking().SingleAsync();
            Assert.Equal((app.Data.NurseA.Id, "incomplete", 1, (DateTime?)null, 0.4m), (attempt.StaffMemberId, attempt.CompletionStatus, attempt.Commits, attempt.CompletedAt, attempt.ScoreScaled));
            var part = await db.ScormScoProgress.AsNoTracking().SingleAsync();
            Assert.Equal((attempt.Id, 1, 1), (part.AttemptId, part.Position, part.Commits));
            Assert.DoesNotContain("commitSequence", part.CmiJson, StringComparison.Ordinal);
            Assert.Equal(0, await db.Completions.CountAsync(c => c.Source == CompletionSource.Module));
        }

        // Nobody else can commit to the attempt; a body that is not flattened CMI is refused with the key at fault.
        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/scorm/attempts/{attemptId}/cmi", new JsonObject { ["cmi.core.lesson_status"] = "passed" })).StatusCode);
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/v1/scorm/attempts/{attemptId}/cmi", new JsonObject { ["cmi.core.lesson_status"] = "passed" })).StatusCode);
        var bad = await learner.PostAsJsonAsync($"/api/v1/scorm/attempts/{attemptId}/cmi", new JsonObject { ["cmi.interactions"] = new JsonArray(1, 2), ["cmi.objectives"] = new JsonArray() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("cmi.interactions: expected a text, number or true/false value, found array", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Passed_records_one_completion_and_one_xapi_statement_for_the_learner_and_failed_records_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var imported = await ScormTestPackages.ImportAsync(await app.SignedInClientAsync(TestData.ComplianceEmail), ScormTestPackages.Scorm12);
        var packageId = imported.GetProperty("packageId").GetInt32();
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var attemptId = (await LaunchAsync(learner, packageId)).GetProperty("attemptId").GetInt64();

        var failed = await CommitAsync(learner, attemptId, new JsonObject { ["cmi.core.lesson_status"] = "failed", ["cmi.core.score.raw"] = "30" });
        Assert.False(failed.GetProperty("completed").GetBoolean());
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(0, await db.Completions.CountAsync(c => c.Source == CompletionSource.Module));
            Assert.Equal(0, await db.XapiStatements.CountAsync());
        }

        var passed = await CommitAsync(learner, attemptId, new JsonObject { ["cmi.core.lesson_status"] = "passed", ["cmi.core.score.raw"] = "90" });
        Assert.True(passed.GetProperty("completed").GetBoolean());
        var repeat = await CommitAsync(learner, attemptId, new JsonObject { ["cmi.core.lesson_status"] = "passed", ["cmi.core.score.raw"] = "95" });
        Assert.False(repeat.GetProperty("completed").GetBoolean());

        await using (var db = app.NewDbContext())
        {
            var completion = await db.Completions.AsNoTracking().SingleAsync(c => c.Source == CompletionSource.Module);
            var bls = await db.Competencies.Where(c => c.Code == ScormTestPackages.Competency).Select(c => c.Id).SingleAsync();
            Assert.Equal((app.Data.NurseA.Id, bls, imported.GetProperty("versionId").GetInt32(), new DateOnly(2026, 3, 2), TestData.LearnerEmail, true),
                (completion.StaffMemberId, completion.CompetencyId, completion.ModuleVersionId, completion.CompletedOn, completion.RecordedBy, completion.IsLatest));
            Assert.StartsWith($"Module {imported.GetProperty("moduleCode").GetString()} version 1, SCORM attempt {attemptId}", completion.Reference, StringComparison.Ordinal);

            var statement = await db.XapiStatements.AsNoTracking().SingleAsync();
            var attempt = await db.ScormAttempts.AsNoTracking().SingleAsync();
            Assert.Equal((app.Data.OrgA, $"account:http://localhost/|{app.Data.NurseA.EmployeeNumber}", "http://adlnet.gov/expapi/verbs/passed",
                    $"http://localhost/scorm/packages/{packageId}", (Guid?)attempt.Registration, (Guid?)statement.StatementId),
                (statement.OrganisationId, statement.ActorKey, statement.VerbId, statement.ActivityId, statement.Registration, attempt.StatementId));
            var json = JsonNode.Parse(statement.Json)!;
            Assert.Equal((true, true, 0.9m), (json["result"]!["completion"]!.GetValue<bool>(), json["result"]!["success"]!.GetValue<bool>(), json["result"]!["score"]!["scaled"]!.GetValue<decimal>()));
            Assert.Equal("passed", attempt.CompletionStatus);
            Assert.NotNull(attempt.CompletedAt);
        }

        // The compliance engine sees it: the learner's manager finds Adult BLS up to date.
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        var person = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.NurseA.Id}");
        var requirement = person.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("competencyCode").GetString() == ScormTestPackages.Competency);
        Assert.Equal(("Up to date", "2026-03-02"), (requirement.GetProperty("label").GetString(), requirement.GetProperty("lastCompleted").GetString()));

        // The next launch starts a fresh attempt (a renewal), with nothing of the finished one.
        var next = await LaunchAsync(learner, packageId);
        Assert.NotEqual(attemptId, next.GetProperty("attemptId").GetInt64());
        Assert.Equal("ab-initio", next.GetProperty("initial").GetProperty("cmi.core.entry").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Total_time_adds_up_the_sessions_the_sco_reports_and_the_completion_statement_gives_it_as_duration(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var packageId = (await ScormTestPackages.ImportAsync(await app.SignedInClientAsync(TestData.ComplianceEmail), ScormTestPackages.Scorm12)).GetProperty("packageId").GetInt32();
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var first = await LaunchAsync(learner, packageId);
        Assert.Equal("00:00:00", first.GetProperty("initial").GetProperty("cmi.core.total_time").GetString());
        var attemptId = first.GetProperty("attemptId").GetInt64();

        // Within a session the SCO's session_time grows: the last one counts, once.
        await CommitAsync(learner, attemptId, new JsonObject { ["cmi.core.lesson_status"] = "incomplete", ["cmi.core.exit"] = "suspend", ["cmi.core.session_time"] = "00:05:00" });
        await CommitAsync(learner, attemptId, new JsonObject { ["cmi.core.lesson_status"] = "incomplete", ["cmi.core.exit"] = "suspend", ["cmi.core.session_time"] = "00:10:00" });
        Assert.Equal("00:10:00", (await LaunchAsync(learner, packageId)).GetProperty("initial").GetProperty("cmi.core.total_time").GetString());

        // A launch with nothing reported adds nothing; the next session's time adds to the earlier ones.
        Assert.Equal("00:10:00", (await LaunchAsync(learner, packageId)).GetProperty("initial").GetProperty("cmi.core.total_time").GetString());
        var passed = await CommitAsync(learner, attemptId, new JsonObject { ["cmi.core.lesson_status"] = "passed", ["cmi.core.session_time"] = "00:02:30.5" });
        Assert.True(passed.GetProperty("completed").GetBoolean());

        await using var db = app.NewDbContext();
        var part = await db.ScormScoProgress.AsNoTracking().SingleAsync();
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(150.5)), (part.EarlierSessions, part.LatestSession));
        var statement = JsonNode.Parse((await db.XapiStatements.AsNoTracking().SingleAsync()).Json)!;
        Assert.Equal("PT12M30.5S", statement["result"]!["duration"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Completing_a_package_issues_one_certificate_that_the_module_page_and_my_learning_link_to(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var imported = await ScormTestPackages.ImportAsync(await app.SignedInClientAsync(TestData.ComplianceEmail), ScormTestPackages.Scorm12);
        var packageId = imported.GetProperty("packageId").GetInt32();
        var modulePage = $"/learning/modules/{imported.GetProperty("moduleId").GetInt32()}";
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var attemptId = (await LaunchAsync(learner, packageId)).GetProperty("attemptId").GetInt64();

        await CommitAsync(learner, attemptId, new JsonObject { ["cmi.core.lesson_status"] = "failed", ["cmi.core.score.raw"] = "30" });
        Assert.DoesNotContain("scorm-certificate", await learner.GetStringAsync(modulePage), StringComparison.Ordinal);

        await CommitAsync(learner, attemptId, new JsonObject { ["cmi.core.lesson_status"] = "passed", ["cmi.core.score.raw"] = "87.5" });
        await CommitAsync(learner, attemptId, new JsonObject { ["cmi.core.lesson_status"] = "passed", ["cmi.core.score.raw"] = "95" });
        long id;
        await using (var db = app.NewDbContext())
        {
            var certificate = await db.IssuedCertificates.AsNoTracking().SingleAsync();
            Assert.Equal((app.Data.NurseA.Id, CertificateRoute.ScormPackage, (long?)attemptId, (long?)null, (int?)87, imported.GetProperty("versionId").GetInt32(), new DateOnly(2027, 3, 2)),
                (certificate.StaffMemberId, certificate.Route, certificate.ScormAttemptId, certificate.AttemptId, certificate.ScorePercent, certificate.ModuleVersionId, certificate.ValidUntil));
            id = certificate.Id;
        }

        var path = $"/learning/certificates/{id}";
        Assert.Contains($"href=\"{path}\" data-testid=\"scorm-certificate\"", await learner.GetStringAsync(modulePage), StringComparison.Ordinal);
        var history = await learner.GetStringAsync("/learning");
        Assert.Contains($"<a href=\"{path}\">View certificate</a>", history[history.IndexOf("<h2>History</h2>", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var page = await learner.GetStringAsync(path);
        Assert.Contains("completed the e-learning package for", page, StringComparison.Ordinal);
        Assert.Contains("87%", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail)).GetAsync(path)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_scorm2004_package_imports_and_completed_and_passed_records_while_completed_and_failed_does_not(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var imported = await ScormTestPackages.ImportAsync(lead, ScormTestPackages.Scorm2004);
        Assert.Equal(("Scorm2004", "Falls prevention (SCORM 2004 test)"), (imported.GetProperty("edition").GetString(), imported.GetProperty("title").GetString()));
        var packageId = imported.GetProperty("packageId").GetInt32();
        var package = await lead.GetFromJsonAsync<JsonElement>($"{ImportUrl}/{packageId}");
        Assert.Equal(("2004 4th Edition", "content/start.html?lang=en"), (package.GetProperty("schemaVersion").GetString(), package.GetProperty("launchPath").GetString()));

        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var launch = await LaunchAsync(learner, packageId);
        Assert.Equal($"/scorm/packages/{packageId}/content/content/start.html?lang=en", launch.GetProperty("contentUrl").GetString());
        Assert.Equal("ab-initio", launch.GetProperty("initial").GetProperty("cmi.entry").GetString());
        var attemptId = launch.GetProperty("attemptId").GetInt64();

        var failed = await CommitAsync(learner, attemptId, new JsonObject { ["cmi.completion_status"] = "completed", ["cmi.success_status"] = "failed", ["cmi.location"] = "q3", ["cmi.exit"] = "suspend" });
        Assert.False(failed.GetProperty("completed").GetBoolean());
        var resumed = (await LaunchAsync(learner, packageId)).GetProperty("initial");
        Assert.Equal(("q3", "resume"), (resumed.GetProperty("cmi.location").GetString(), resumed.GetProperty("cmi.entry").GetString()));
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(0, await db.Completions.CountAsync(c => c.Source == CompletionSource.Module));
            Assert.Equal(0, await db.XapiStatements.CountAsync());
        }

        var passed = await CommitAsync(learner, attemptId, new JsonObject
        {
            ["cmi.completion_status"] = "completed", ["cmi.success_status"] = "passed", ["cmi.score.scaled"] = "0.85",
        });
        Assert.True(passed.GetProperty("completed").GetBoolean());
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(1, await db.Completions.CountAsync(c => c.Source == CompletionSource.Module && c.StaffMemberId == app.Data.NurseA.Id));
            var statement = JsonNode.Parse((await db.XapiStatements.AsNoTracking().SingleAsync()).Json)!;
            Assert.Equal(("http://adlnet.gov/expapi/verbs/passed", 0.85m, "https://w3id.org/xapi/scorm"),
                (statement["verb"]!["id"]!.GetValue<string>(), statement["result"]!["score"]!["scaled"]!.GetValue<decimal>(),
                 statement["context"]!["contextActivities"]!["category"]![0]!["id"]!.GetValue<string>()));
        }
    }

    private static async Task<List<(string, string)>> Errors(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("path").GetString()!, e.GetProperty("message").GetString()!)).ToList();
    }

    private static async Task AssertNothingStoredAsync(TestApp app)
    {
        await using var db = app.NewDbContext();
        Assert.Equal((0, 0, 0), (await db.ScormPackages.CountAsync(), await db.ScormFiles.CountAsync(), await db.Modules.CountAsync(m => m.Code.StartsWith("SCORM-"))));
    }
}
