using System.Diagnostics;
using System.Text;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Import;

/// <summary>The real `careready import staff` command, run as a process against a SQLite database file.</summary>
public class CliImportTests
{
    private static readonly ImportRow Nurse = new()
    {
        EmployeeNumber = "40000001", AssignmentNumber = "40000001-1", FirstName = "Nia", LastName = "Evans",
        WorkEmail = "nia.evans@nhs.example", PersonStartDate = "2022-05-03", RegistrationBody = "NMC", RegistrationNumber = "22B7654C",
        StaffGroup = "NMR", JobRole = "Staff Nurse", Band = "Band 5", DepartmentCode = "WARD-B",
        PatientContact = "Y", WorksWithChildren = "N", RegisteredClinician = "Y", AssignmentStartDate = "2022-05-03",
    };

    private static readonly ImportRow Clerk = new()
    {
        EmployeeNumber = "40000002", AssignmentNumber = "40000002-1", FirstName = "Owen", LastName = "Price",
        WorkEmail = "owen.price@nhs.example", PersonStartDate = "2023-02-01",
        StaffGroup = "AC", JobRole = "Finance Officer", Band = "Band 4", DepartmentCode = "FIN", AssignmentStartDate = "2023-02-01",
    };

    [Fact]
    public async Task Import_staff_rejects_a_bad_file_whole_and_imports_a_good_one()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("careready-cli-");
        try
        {
            var before = await SnapshotAsync(app);
            var bad = Path.Combine(folder.FullName, "staff.csv");
            await File.WriteAllTextAsync(bad, StaffCsv.Build(Nurse, Clerk with { AssignmentStartDate = "31/02/2023" }, Nurse with { AssignmentNumber = "40000001-2", DepartmentCode = "WARD-Z" }));

            var rejected = await CliRunner.RunAsync(app, folder.FullName, "import", "staff", bad, "--org", "RTA");

            Assert.True(rejected.ExitCode == 1, $"exit code {rejected.ExitCode}\n{rejected.StdErr}");
            Assert.Contains("staff.csv was NOT imported: 2 problem(s). Nothing was changed.", rejected.StdErr, StringComparison.Ordinal);
            Assert.Contains("row 3, column 'Assignment Start Date': value '31/02/2023' — expected a date as YYYY-MM-DD or DD/MM/YYYY", rejected.StdErr, StringComparison.Ordinal);
            Assert.Contains("row 4, column 'Department Code': value 'WARD-Z'", rejected.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("row 2", rejected.StdErr, StringComparison.Ordinal);
            Assert.Equal(before, await SnapshotAsync(app));

            var good = Path.Combine(folder.FullName, "good.csv");
            await File.WriteAllTextAsync(good, StaffCsv.Build(Nurse, Clerk));

            var imported = await CliRunner.RunAsync(app, folder.FullName, "import", "staff", good, "--org", "rta");

            Assert.True(imported.ExitCode == 0, $"exit code {imported.ExitCode}\n{imported.StdErr}");
            Assert.Contains("Imported good.csv into RTA: people 2 created, 0 updated, 0 unchanged; positions 2 created, 0 updated, 0 unchanged, 0 ended.",
                imported.StdOut, StringComparison.Ordinal);
            await using (var db = app.NewDbContext())
            {
                var people = await db.Staff.AsNoTracking().Include(s => s.Positions)
                    .Where(s => s.EmployeeNumber == "40000001" || s.EmployeeNumber == "40000002")
                    .OrderBy(s => s.EmployeeNumber).ToListAsync();
                Assert.Equal(
                    [("40000001", app.Data.OrgA, "Nia Evans", "NMC", app.Data.WardB.Id, "Staff Nurse"), ("40000002", app.Data.OrgA, "Owen Price", null, app.Data.Finance.Id, "Finance Officer")],
                    people.Select(s => (s.EmployeeNumber, s.OrganisationId, s.FullName, s.RegistrationBody, Assert.Single(s.Positions).DepartmentId, s.Positions[0].JobRole)));
                Assert.Equal(6, await db.Staff.CountAsync(s => s.OrganisationId == app.Data.OrgA));
            }

            // Two organisations and no --org: the command asks which one and changes nothing.
            var afterGood = await SnapshotAsync(app);
            var ambiguous = await CliRunner.RunAsync(app, folder.FullName, "import", "staff", good);
            Assert.Equal(2, ambiguous.ExitCode);
            Assert.Contains("choose one with --org (RTA, RTB)", ambiguous.StdErr, StringComparison.Ordinal);
            Assert.Equal(afterGood, await SnapshotAsync(app));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<List<string>> SnapshotAsync(TestApp app)
    {
        await using var db = app.NewDbContext();
        var a = await StaffCsv.SnapshotAsync(db, app.Data.OrgA);
        var b = await StaffCsv.SnapshotAsync(db, app.Data.OrgB);
        return [.. a, .. b];
    }
}
