using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using static CareReady.Web.Tests.Scorm.ScormTestPackages;

namespace CareReady.Web.Tests.Scorm;

/// <summary>
/// A package of several parts (two SCOs and an asset): each SCO keeps its own CMI and resumes on its own, an asset
/// is done once opened, and the module counts — once — when every SCO has said passed or completed.
/// </summary>
public class ScormPartsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_part_keeps_its_own_cmi_and_the_module_counts_when_every_sco_has(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var imported = await ScormTestPackages.ImportAsync(await app.SignedInClientAsync(TestData.ComplianceEmail), ScormTestPackages.Scorm12Multi);
        var packageId = imported.GetProperty("packageId").GetInt32();
        var modulePage = $"/learning/modules/{imported.GetProperty("moduleId").GetInt32()}";
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);

        var first = await LaunchAsync(learner, packageId, null);
        Assert.Equal(1, first.GetProperty("sco").GetInt32());
        Assert.Equal([("Recognising sepsis", false), ("Escalating sepsis", false), ("Quick reference card", true)],
            first.GetProperty("parts").EnumerateArray().Select(p => (p.GetProperty("title").GetString(), p.GetProperty("isAsset").GetBoolean())));
        Assert.Equal($"/scorm/packages/{packageId}/content/index.html", first.GetProperty("contentUrl").GetString());
        var attemptId = first.GetProperty("attemptId").GetInt64();

        Assert.False(await CompletesAsync(learner, attemptId, 1, new JsonObject { ["cmi.core.lesson_status"] = "passed", ["cmi.core.score.raw"] = "80" }));

        // The next launch opens the first part not done; the second part's page carries its parameters.
        var second = await LaunchAsync(learner, packageId, null);
        Assert.Equal((2, attemptId, "ab-initio"), (second.GetProperty("sco").GetInt32(), second.GetProperty("attemptId").GetInt64(), second.GetProperty("initial").GetProperty("cmi.core.entry").GetString()));
        Assert.Equal($"/scorm/packages/{packageId}/content/index.html?part=2", second.GetProperty("contentUrl").GetString());
        Assert.Equal($"/api/v1/scorm/attempts/{attemptId}/cmi?sco=2", second.GetProperty("commitUrl").GetString());
        Assert.False(await CompletesAsync(learner, attemptId, 2, new JsonObject { ["cmi.core.lesson_status"] = "incomplete", ["cmi.core.lesson_location"] = "p3", ["cmi.core.exit"] = "suspend" }));

        // Each part resumes with its own data.
        var again = (await LaunchAsync(learner, packageId, 2)).GetProperty("initial");
        Assert.Equal(("p3", "resume"), (again.GetProperty("cmi.core.lesson_location").GetString(), again.GetProperty("cmi.core.entry").GetString()));
        var one = (await LaunchAsync(learner, packageId, 1)).GetProperty("initial");
        Assert.Equal("passed", one.GetProperty("cmi.core.lesson_status").GetString());
        Assert.False(one.TryGetProperty("cmi.core.lesson_location", out _));

        // The asset is done once opened, and cannot be committed to; parts that do not exist are not found.
        var card = await LaunchAsync(learner, packageId, 3);
        Assert.True(card.GetProperty("parts")[2].GetProperty("counted").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsJsonAsync($"/api/v1/scorm/attempts/{attemptId}/cmi?sco=3", new JsonObject { ["cmi.core.lesson_status"] = "passed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsJsonAsync($"/api/v1/scorm/attempts/{attemptId}/cmi?sco=9", new JsonObject { ["cmi.core.lesson_status"] = "passed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsync($"/api/v1/scorm/packages/{packageId}/launch?sco=0", null)).StatusCode);

        var page = await learner.GetStringAsync(modulePage);
        Assert.Contains("data-testid=\"scorm-part-1\">Done<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"scorm-part-2\">In progress<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("scorm-complete", page, StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(0, await db.Completions.CountAsync(c => c.Source == CompletionSource.Module));
        }

        // The last SCO passes: the module counts once, with the parts' mean score.
        Assert.True(await CompletesAsync(learner, attemptId, 2, new JsonObject { ["cmi.core.lesson_status"] = "passed", ["cmi.core.score.raw"] = "100" }));
        Assert.False(await CompletesAsync(learner, attemptId, 1, new JsonObject { ["cmi.core.lesson_status"] = "passed", ["cmi.core.score.raw"] = "85" }));
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(1, await db.Completions.CountAsync(c => c.Source == CompletionSource.Module));
            var attempt = await db.ScormAttempts.AsNoTracking().SingleAsync();
            Assert.Equal(("completed", "passed"), (attempt.CompletionStatus, attempt.SuccessStatus));
            Assert.Equal(90, (await db.IssuedCertificates.AsNoTracking().SingleAsync()).ScorePercent);
            var statement = JsonNode.Parse((await db.XapiStatements.AsNoTracking().SingleAsync()).Json)!;
            Assert.Equal(("http://adlnet.gov/expapi/verbs/passed", 0.9m), (statement["verb"]!["id"]!.GetValue<string>(), statement["result"]!["score"]!["scaled"]!.GetValue<decimal>()));
        }

        Assert.Contains("data-testid=\"scorm-complete\"", await learner.GetStringAsync(modulePage), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Attempts_saved_before_packages_had_parts_resume_after_the_migration(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var imported = await ScormTestPackages.ImportAsync(await app.SignedInClientAsync(TestData.ComplianceEmail), ScormTestPackages.Scorm12);
        var packageId = imported.GetProperty("packageId").GetInt32();
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var attemptId = (await LaunchAsync(learner, packageId, null)).GetProperty("attemptId").GetInt64();

        // Back to the schema before parts (the attempt held its CMI), with a learner part-way through; then forward as `careready migrate` goes.
        await using (var db = app.NewDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var added = migrations.FindIndex(m => m.EndsWith("_ScormParts", StringComparison.Ordinal));
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations[added - 1]);
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "ScormAttempts" SET "CmiJson" = {0}, "Commits" = 3""",
                """{"cmi.core.lesson_location":"page-4","cmi.core.lesson_status":"incomplete","cmi.core.exit":"suspend"}"""));
            await DatabaseMigrator.MigrateAsync(db);
            var part = await db.ScormScoProgress.AsNoTracking().SingleAsync();
            Assert.Equal((attemptId, 1, 3), (part.AttemptId, part.Position, part.Commits));
            Assert.Contains("page-4", part.CmiJson, StringComparison.Ordinal);
        }

        var resumed = await LaunchAsync(learner, packageId, null);
        Assert.Equal(attemptId, resumed.GetProperty("attemptId").GetInt64());
        Assert.Equal(("page-4", "resume"), (resumed.GetProperty("initial").GetProperty("cmi.core.lesson_location").GetString(), resumed.GetProperty("initial").GetProperty("cmi.core.entry").GetString()));
        Assert.Equal("Sepsis awareness (SCORM test)", Assert.Single(resumed.GetProperty("parts").EnumerateArray()).GetProperty("title").GetString());
    }

    private static async Task<bool> CompletesAsync(HttpClient learner, long attemptId, int sco, JsonObject cmi) =>
        (await CommitAsync(learner, attemptId, cmi, sco)).GetProperty("completed").GetBoolean();
}
