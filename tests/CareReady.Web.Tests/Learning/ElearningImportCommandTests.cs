using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Web.Tests.Cmi5;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Scorm;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Learning;

/// <summary><c>careready scorm import</c> and <c>careready cmi5 import</c> run for real against the test database.</summary>
public class ElearningImportCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Scorm_and_cmi5_packages_import_from_the_command_line_and_a_bad_one_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var folder = Directory.CreateTempSubdirectory("careready-elearning-");
        try
        {
            var bad = Path.Combine(folder.FullName, "bad.zip");
            await File.WriteAllBytesAsync(bad, ScormTestPackages.WithManifest(ScormTestPackages.Scorm12, m => m.Replace("</manifest>", "</manifes>", StringComparison.Ordinal)));
            var refused = await CliRunner.RunAsync(app, folder.FullName, "scorm", "import", bad, "--competencies", ScormTestPackages.Competency, "--org", "RTA");
            Assert.True(refused.ExitCode == 1, refused.ToString());
            Assert.Contains("bad.zip was NOT imported: 1 problem(s). Nothing was changed.", refused.StdErr, StringComparison.Ordinal);
            Assert.Contains("imsmanifest.xml line 27", refused.StdErr, StringComparison.Ordinal);
            await using (var db = app.NewDbContext())
            {
                Assert.Equal(0, await db.ScormPackages.CountAsync());
            }

            var scorm = Path.Combine(folder.FullName, "sepsis.zip");
            await File.WriteAllBytesAsync(scorm, ScormTestPackages.Zip(ScormTestPackages.Scorm12));
            var imported = await CliRunner.RunAsync(app, folder.FullName, "scorm", "import", scorm, "--competencies", ScormTestPackages.Competency, "--publish", "--minutes", "12", "--org", "rta");
            Assert.True(imported.ExitCode == 0, imported.ToString());
            string code;
            await using (var db = app.NewDbContext())
            {
                var version = await db.ModuleVersions.AsNoTracking().Include(v => v.Module).SingleAsync();
                code = version.Module!.Code;
                Assert.Equal((ModuleStatus.Published, 12, app.Data.OrgA), (version.Status, version.EstimatedMinutes, version.Module.OrganisationId));
                Assert.Equal("cli", (await db.ScormPackages.AsNoTracking().SingleAsync()).ImportedBy);
            }

            Assert.Contains($"Imported sepsis.zip into RTA: module {code} (new), version 1, published", imported.StdOut, StringComparison.Ordinal);

            // A cmi5 course attached to that module (its current version); an unknown module is a usage error.
            var course = Path.Combine(folder.FullName, "course.zip");
            await File.WriteAllBytesAsync(course, TestCourse.Zip(TestCourse.Good()));
            var unknown = await CliRunner.RunAsync(app, folder.FullName, "cmi5", "import", course, "--module", "NO-SUCH", "--org", "RTA");
            Assert.True(unknown.ExitCode == 2, unknown.ToString());
            Assert.Contains("RTA has no module with code 'NO-SUCH'.", unknown.StdErr, StringComparison.Ordinal);
            var cmi5 = await CliRunner.RunAsync(app, folder.FullName, "cmi5", "import", course, "--module", code.ToLowerInvariant(), "--org", "RTA");
            Assert.True(cmi5.ExitCode == 0, cmi5.ToString());
            Assert.Contains($"Imported course.zip into RTA: module {code}, version 1, published — \"Sepsis awareness (SCORM test)\", cmi5 course ", cmi5.StdOut, StringComparison.Ordinal);
            Assert.EndsWith("with 1 AU.", cmi5.StdOut.TrimEnd(), StringComparison.Ordinal);
            await using (var db = app.NewDbContext())
            {
                Assert.Equal(1, await db.Cmi5Courses.CountAsync());
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
