using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Learning;

/// <summary>
/// POST /api/v1/modules/packages and GET /api/v1/modules/{id}/versions/{n}/package on both databases:
/// a good package becomes a draft (or, for leads, a published) version; a bad one is refused whole with
/// every problem; learners may do neither; another organisation's module does not exist for you.
/// </summary>
public class PackageApiTests
{
    private const string ImportUrl = "/api/v1/modules/packages";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_good_package_becomes_a_draft_module_and_later_packages_become_its_next_versions(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);

        var response = await educator.PostAsync(ImportUrl, TestPackage.Form(TestPackage.Zip(TestPackage.Good())));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var moduleId = body.GetProperty("moduleId").GetInt32();
        Assert.Equal((TestPackage.Code, true, 1, "Draft"),
            (body.GetProperty("moduleCode").GetString(), body.GetProperty("moduleCreated").GetBoolean(), body.GetProperty("versionNumber").GetInt32(), body.GetProperty("status").GetString()));
        Assert.Equal($"/api/v1/modules/{moduleId}/versions/1/package", response.Headers.Location?.OriginalString);

        await using (var db = app.NewDbContext())
        {
            var module = await db.Modules.AsNoTracking().SingleAsync(m => m.Code == TestPackage.Code);
            Assert.Equal((moduleId, app.Data.OrgA), (module.Id, module.OrganisationId));
            var version = await db.ModuleVersions.AsNoTracking()
                .Include(v => v.Lessons).Include(v => v.Questions).Include(v => v.Outcomes).Include(v => v.Media).Include(v => v.Confers)
                .SingleAsync(v => v.ModuleId == moduleId);
            Assert.Equal((1, ModuleStatus.Draft, TestData.EducatorEmail, app.Clock.GetUtcNow().UtcDateTime, "Hand hygiene", 15),
                (version.Number, version.Status, version.CreatedBy, version.CreatedAt, version.Title, version.EstimatedMinutes));
            Assert.Equal(["The five moments"], version.Lessons.Select(l => l.Title));
            Assert.Equal(["HH-Q01", "HH-Q02"], version.Questions.OrderBy(q => q.Position).Select(q => q.Key));
            Assert.Equal(25m, version.Questions.Single(q => q.Key == "HH-Q02").NumericAnswer);
            Assert.Equal(["media/moments.svg"], version.Media.Select(m => m.Path));
            Assert.Equal(await db.Competencies.Where(c => c.Code == "CSTF-IPC-1").Select(c => c.Id).SingleAsync(), Assert.Single(version.Confers).CompetencyId);
        }

        // A compliance lead publishes the next version; publishing again retires it.
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var second = await lead.PostAsync(ImportUrl, TestPackage.Form(TestPackage.Zip(TestPackage.Good()), publish: true));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var third = await lead.PostAsync(ImportUrl + "?publish=true", TestPackage.Form(TestPackage.Zip(TestPackage.Good())));
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);

        await using (var db = app.NewDbContext())
        {
            var versions = await db.ModuleVersions.AsNoTracking().Where(v => v.ModuleId == moduleId).OrderBy(v => v.Number).ToListAsync();
            Assert.Equal([(1, ModuleStatus.Draft), (2, ModuleStatus.Retired), (3, ModuleStatus.Published)], versions.Select(v => (v.Number, v.Status)));
            Assert.Equal((TestData.ComplianceEmail, TestData.ComplianceEmail), (versions[2].CreatedBy, versions[2].PublishedBy));
            Assert.NotNull(versions[1].RetiredAt);
            Assert.Equal(1, await db.Modules.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_bad_package_is_refused_with_every_problem_and_nothing_is_created(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);

        var response = await educator.PostAsync(ImportUrl, TestPackage.Form(TestPackage.Zip(TestPackage.Bad())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("The package was not imported", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("path").GetString(), e.GetProperty("line").GetInt32(), e.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal(
        [
            ("module.yaml", 7, "confers: \"CSTF-NOPE-1\" is not a competency code in the catalogue (e.g. CSTF-FIRE-1, AIDHT-D1-L2)"),
            ("questions.yaml", 6, "question \"HH-Q01\": 'answer' must be true or false (found \"perhaps\")"),
            ("lessons/01-five-moments.md", 3, "the image \"media/moments.svg\" is not in the package"),
        ], errors);

        var notZip = await educator.PostAsync(ImportUrl, TestPackage.Form("not a zip"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, notZip.StatusCode);
        var notZipError = (await notZip.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal(("(package)", JsonValueKind.Null, "the file is not a zip file"),
            (notZipError.GetProperty("path").GetString(), notZipError.GetProperty("line").ValueKind, notZipError.GetProperty("message").GetString()));

        var noFile = await educator.PostAsync(ImportUrl, TestPackage.Form(TestPackage.Zip(TestPackage.Good()), fileField: "upload"));
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);

        await using var db = app.NewDbContext();
        Assert.Equal((0, 0), (await db.Modules.CountAsync(), await db.ModuleVersions.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Learners_may_not_import_or_export_and_only_leads_may_publish(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PostAsync(ImportUrl, TestPackage.Form(TestPackage.Zip(TestPackage.Good())))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync(ImportUrl, TestPackage.Form(TestPackage.Zip(TestPackage.Good())))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().PostAsync(ImportUrl, TestPackage.Form(TestPackage.Zip(TestPackage.Good())))).StatusCode);

        var publish = await educator.PostAsync(ImportUrl, TestPackage.Form(TestPackage.Zip(TestPackage.Good()), publish: true));
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Contains("Only an educator lead or a compliance lead may publish", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(0, await db.Modules.CountAsync());
        }

        var created = await educator.PostAsync(ImportUrl, TestPackage.Form(TestPackage.Zip(TestPackage.Good())));
        var moduleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("moduleId").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync($"/api/v1/modules/{moduleId}/versions/1/package")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_export_imports_back_as_the_same_content_and_another_organisations_module_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var created = await admin.PostAsync(ImportUrl, TestPackage.Form(TestPackage.Zip(TestPackage.Good())));
        var moduleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("moduleId").GetInt32();

        var download = await admin.GetAsync($"/api/v1/modules/{moduleId}/versions/1/package");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("HAND-HYGIENE-v1.zip", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var zip = await download.Content.ReadAsByteArrayAsync();
        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            Assert.Equal(["module.yaml", "questions.yaml", "lessons/01-the-five-moments.md", "media/moments.svg"], archive.Entries.Select(e => e.FullName));
        }

        var reimported = await admin.PostAsync(ImportUrl, TestPackage.Form(zip));
        Assert.Equal(HttpStatusCode.Created, reimported.StatusCode);
        await using (var db = app.NewDbContext())
        {
            var versions = await db.ModuleVersions.AsNoTracking().AsSplitQuery()
                .Include(v => v.Lessons).Include(v => v.Outcomes).Include(v => v.Questions).Include(v => v.Confers).Include(v => v.Media).Include(v => v.Guidelines)
                .Where(v => v.ModuleId == moduleId).OrderBy(v => v.Number).ToListAsync();
            Assert.Equal([1, 2], versions.Select(v => v.Number));
            Assert.Equal(Content(versions[0]), Content(versions[1]));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/modules/{moduleId}/versions/3/package")).StatusCode);
        var otherOrganisation = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrganisation.GetAsync($"/api/v1/modules/{moduleId}/versions/1/package")).StatusCode);
    }

    /// <summary>What a version teaches and assesses, without ids, status or who made it.</summary>
    private static string Content(ModuleVersion v) => JsonSerializer.Serialize(new
    {
        v.Title, v.Summary, v.EstimatedMinutes, v.PassMarkPercent, v.AttemptLimit, v.QuestionsPerOutcome, v.Contact,
        Lessons = v.Lessons.OrderBy(l => l.Position).Select(l => new { l.Position, l.Title, l.Markdown }),
        Outcomes = v.Outcomes.OrderBy(o => o.Position).Select(o => new { o.Position, o.Code, o.Text }),
        Questions = v.Questions.OrderBy(q => q.Position).Select(q => new
        {
            q.Position, q.Key, q.OutcomeCode, q.Type, q.Text, q.Feedback, q.Options, q.TrueFalseAnswer,
            Numeric = q.NumericAnswer?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture),
            Tolerance = q.Tolerance?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture), q.Unit, q.Items,
        }),
        Confers = v.Confers.Select(c => c.CompetencyId).Order(),
        Media = v.Media.OrderBy(m => m.Path).Select(m => new { m.Path, m.ContentType, m.Content }),
        Guidelines = v.Guidelines.OrderBy(g => g.Id).Select(g => new { g.Source, g.Version }),
    });
}
