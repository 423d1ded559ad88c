using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Learning;

/// <summary>The real `careready content import|export` commands, run as processes against a SQLite database file.</summary>
public class PackageCliTests
{
    [Fact]
    public async Task Content_import_refuses_a_bad_package_with_one_line_per_problem_and_imports_a_good_one()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("careready-cli-");
        try
        {
            var bad = Path.Combine(folder.FullName, "bad.zip");
            await File.WriteAllBytesAsync(bad, TestPackage.Zip(TestPackage.Bad()));

            var refused = await CliRunner.RunAsync(app, folder.FullName, "content", "import", bad, "--organisation", "RTA", "--publish");

            Assert.True(refused.ExitCode == 1, refused.ToString());
            Assert.Equal(["bad.zip was NOT imported: 3 problem(s). Nothing was changed.", .. TestPackage.BadProblems.Select(p => "  " + p)],
                refused.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => !l.StartsWith("warn:", StringComparison.Ordinal)));
            await using (var db = app.NewDbContext())
            {
                Assert.Equal(0, await db.Modules.CountAsync());
            }

            var good = Path.Combine(folder.FullName, "good.zip");
            await File.WriteAllBytesAsync(good, TestPackage.Zip(TestPackage.Good()));

            var imported = await CliRunner.RunAsync(app, folder.FullName, "content", "import", good, "--organisation", "rta", "--publish");

            Assert.True(imported.ExitCode == 0, imported.ToString());
            Assert.Contains("Imported good.zip into RTA: module HAND-HYGIENE (new), version 1, published.", imported.StdOut, StringComparison.Ordinal);
            await using (var db = app.NewDbContext())
            {
                var version = await db.ModuleVersions.AsNoTracking().Include(v => v.Module).SingleAsync();
                Assert.Equal((app.Data.OrgA, TestPackage.Code, ModuleStatus.Published, "cli"),
                    (version.OrganisationId, version.Module!.Code, version.Status, version.CreatedBy));
            }

            var exported = Path.Combine(folder.FullName, "out.zip");
            var export = await CliRunner.RunAsync(app, folder.FullName, "content", "export", "--module", "hand-hygiene", "--out", exported, "--org", "RTA");
            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.Contains("Exported HAND-HYGIENE version 1 of RTA to out.zip", export.StdOut, StringComparison.Ordinal);

            var missing = await CliRunner.RunAsync(app, folder.FullName, "content", "export", "--module", "HAND-HYGIENE", "--version", "2", "--out", exported, "--org", "RTA");
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("RTA has no version 2 of a module with code 'HAND-HYGIENE'.", missing.StdErr, StringComparison.Ordinal);

            var again = await CliRunner.RunAsync(app, folder.FullName, "content", "import", exported, "--org", "RTA");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Contains("Imported out.zip into RTA: module HAND-HYGIENE, version 2, draft.", again.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
