using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Cmi5;

/// <summary>Importing a cmi5 course package on both databases: a good course becomes a module; a bad one is refused with every problem; other organisations see nothing.</summary>
public class Cmi5ImportTests
{
    private const string ImportUrl = "/api/v1/cmi5/courses";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_bad_course_structure_is_refused_with_every_problem_by_line_and_nothing_is_created(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var files = TestCourse.Good();
        files["cmi5.xml"] = files["cmi5.xml"]
            .Replace("moveOn=\"Passed\"", "moveOn=\"Sometimes\"", StringComparison.Ordinal)
            .Replace("masteryScore=\"0.8\"", "masteryScore=\"80\"", StringComparison.Ordinal)
            .Replace("launchMethod=\"AnyWindow\"", "launchMethod=\"Popup\"", StringComparison.Ordinal)
            .Replace("<url>au/index.html</url>", "<url>au/start.html</url>", StringComparison.Ordinal);

        var response = await lead.PostAsync(ImportUrl, TestCourse.Form(TestCourse.Zip(files), confers: "CSTF-IPC-1, CSTF-NOPE-9"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("path").GetString()}:{(e.GetProperty("line").ValueKind == JsonValueKind.Number ? e.GetProperty("line").GetInt32() : 0)}: {e.GetProperty("message").GetString()}")
            .ToList();
        Assert.Equal(
        [
            $"cmi5.xml:7: au \"{TestCourse.AuId}\": launchMethod must be AnyWindow or OwnWindow (found \"Popup\")",
            $"cmi5.xml:7: au \"{TestCourse.AuId}\": moveOn must be one of Passed, Completed, CompletedAndPassed, CompletedOrPassed, NotApplicable (found \"Sometimes\")",
            $"cmi5.xml:7: au \"{TestCourse.AuId}\": masteryScore must be a decimal from 0 to 1, such as 0.8 (found \"80\")",
            $"cmi5.xml:10: au \"{TestCourse.AuId}\": url \"au/start.html\" is not a file in the package",
            "(package):0: confers: \"CSTF-NOPE-9\" is not a competency code in the catalogue (e.g. CSTF-FIRE-1)",
        ], errors);
        await using var db = app.NewDbContext();
        Assert.Equal((0, 0), (await db.Cmi5Courses.CountAsync(), await db.Modules.CountAsync(m => m.Code.StartsWith("CMI5-"))));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Unsafe_paths_missing_structure_and_zip_bombs_are_refused_with_the_package_checks(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var slip = TestCourse.Good();
        slip["../evil.html"] = "<p>out</p>";
        slip["au/tool.exe"] = "MZ";
        var slipErrors = await ErrorsAsync(await lead.PostAsync(ImportUrl, TestCourse.Form(TestCourse.Zip(slip))));
        Assert.Contains("../evil.html: '..' and '.' are not allowed in paths", slipErrors);
        Assert.Contains(slipErrors, e => e.StartsWith("au/tool.exe: this type of file cannot be served from a course", StringComparison.Ordinal));

        var nested = TestCourse.Good().ToDictionary(kv => "course/" + kv.Key, kv => kv.Value);
        Assert.Equal(["(package): cmi5.xml is inside a folder (course/cmi5.xml); it must be at the top of the zip (zip the folder's contents, not the folder)"],
            await ErrorsAsync(await lead.PostAsync(ImportUrl, TestCourse.Form(TestCourse.Zip(nested)))));

        var bomb = TestCourse.Good();
        bomb["au/padding.txt"] = new string(' ', 3_000_000);
        Assert.Contains("au/padding.txt: expands more than 100 times its compressed size (a zip bomb?)",
            await ErrorsAsync(await lead.PostAsync(ImportUrl, TestCourse.Form(TestCourse.Zip(bomb)))));

        var notXml = TestCourse.Good();
        notXml["cmi5.xml"] = "<courseStructure><course";
        Assert.Contains(await ErrorsAsync(await lead.PostAsync(ImportUrl, TestCourse.Form(TestCourse.Zip(notXml)))),
            e => e.StartsWith("cmi5.xml line 1: is not well-formed XML", StringComparison.Ordinal));

        // Learners cannot import at all.
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PostAsync(ImportUrl, TestCourse.Form(TestCourse.Zip(TestCourse.Good())))).StatusCode);
        await using var db = app.NewDbContext();
        Assert.Equal(0, await db.Cmi5Courses.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_good_course_becomes_a_published_module_whose_content_only_its_organisation_can_open(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (courseId, _, moduleId) = await TestCourse.ImportAsync(app);

        await using (var db = app.NewDbContext())
        {
            var version = await db.ModuleVersions.AsNoTracking().Include(v => v.Module).Include(v => v.Confers).SingleAsync(v => v.ModuleId == moduleId);
            Assert.Equal(("CMI5-HAND-HYGIENE-CMI5", "Hand hygiene (cmi5)", ModuleStatus.Published, app.Data.OrgA), (version.Module!.Code, version.Title, version.Status, version.OrganisationId));
            Assert.Equal(await db.Competencies.Where(c => c.Code == TestCourse.Competency).Select(c => c.Id).SingleAsync(), Assert.Single(version.Confers).CompetencyId);
            var au = await db.Cmi5Aus.AsNoTracking().SingleAsync(a => a.CourseId == courseId);
            Assert.Equal((TestCourse.AuId, "au/index.html", CareReady.Core.Cmi5.MoveOn.Passed, 0.8m), (au.PublisherId, au.Url, au.MoveOn, au.MasteryScore));
            Assert.NotEqual(TestCourse.AuId, au.ActivityId);
        }

        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var page = await learner.GetAsync($"/learning/modules/{moduleId}");
        Assert.Contains($"href=\"/learning/cmi5/{courseId}\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var content = await learner.GetAsync($"/cmi5/content/{courseId}/au/index.html");
        Assert.Equal((HttpStatusCode.OK, "text/html"), (content.StatusCode, content.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/cmi5/content/{courseId}/cmi5.xml")).StatusCode);

        // Another organisation's compliance lead finds nothing; an anonymous visitor is sent to sign in.
        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cmi5/content/{courseId}/au/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cmi5/courses/{courseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/learning/cmi5/{courseId}")).StatusCode);
        var anonymous = await app.NewClient().GetAsync($"/cmi5/content/{courseId}/au/index.html");
        Assert.True(anonymous.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, anonymous.StatusCode.ToString());
    }

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("line").ValueKind == JsonValueKind.Number
                ? $"{e.GetProperty("path").GetString()} line {e.GetProperty("line").GetInt32()}: {e.GetProperty("message").GetString()}"
                : $"{e.GetProperty("path").GetString()}: {e.GetProperty("message").GetString()}")
            .ToList();
    }
}
