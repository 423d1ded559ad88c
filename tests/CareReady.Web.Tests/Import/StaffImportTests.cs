using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using CareReady.Core.Workforce.Import;
using CareReady.Web.Import;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Import;

/// <summary>
/// The HR staff import through HTTP, as the admin of organisation A (the clock stands on 2026-03-02):
/// all or nothing, per-row per-column errors, idempotent re-import, leavers ended never deleted,
/// organisations kept apart, admins only.
/// </summary>
public class StaffImportTests
{
    // Three new people, five positions: a registered nurse (NMC), a clerk with two current positions
    // (the second given by staff group name, a lower-case department code and a DD/MM/YYYY date), and a
    // physiotherapist with a current position and an ended one.
    private static readonly ImportRow Nurse = new()
    {
        EmployeeNumber = "20000001", AssignmentNumber = "20000001-1", FirstName = "Priya", LastName = "Nair",
        WorkEmail = "priya.nair@nhs.example", PersonStartDate = "2021-09-01", RegistrationBody = "NMC", RegistrationNumber = "12A3456E",
        StaffGroup = "NMR", JobRole = "Staff Nurse", Band = "Band 5", DepartmentCode = "WARD-A",
        PatientContact = "Y", WorksWithChildren = "N", RegisteredClinician = "Y", AssignmentStartDate = "2021-09-01",
    };

    private static readonly ImportRow ClerkWard = new()
    {
        EmployeeNumber = "20000002", AssignmentNumber = "20000002-1", FirstName = "Tom", LastName = "Fletcher",
        WorkEmail = "tom.fletcher@nhs.example", PersonStartDate = "2022-01-10",
        StaffGroup = "AC", JobRole = "Ward Clerk", Band = "Band 3", DepartmentCode = "WARD-B",
        PatientContact = "N", WorksWithChildren = "N", RegisteredClinician = "N", AssignmentStartDate = "2022-01-10",
    };

    private static readonly ImportRow ClerkFinance = ClerkWard with
    {
        AssignmentNumber = "20000002-2", StaffGroup = "Administrative and Clerical", JobRole = "Finance Assistant", Band = "Band 4",
        DepartmentCode = "fin", AssignmentStartDate = "15/03/2023",
    };

    private static readonly ImportRow PhysioNow = new()
    {
        EmployeeNumber = "20000003", AssignmentNumber = "20000003-1", FirstName = "Sam", LastName = "Lee",
        WorkEmail = "sam.lee@nhs.example", PersonStartDate = "2019-04-01", RegistrationBody = "HCPC", RegistrationNumber = "PH123456",
        StaffGroup = "AHP", JobRole = "Paediatric Physiotherapist", Band = "Band 6", DepartmentCode = "WARD-A",
        PatientContact = "Yes", WorksWithChildren = "Y", RegisteredClinician = "y", AssignmentStartDate = "2023-04-01",
    };

    private static readonly ImportRow PhysioBefore = PhysioNow with
    {
        AssignmentNumber = "20000003-0", JobRole = "Physiotherapist", Band = "Band 5", DepartmentCode = "WARD-B",
        WorksWithChildren = "No", AssignmentStartDate = "2019-04-01", AssignmentEndDate = "2023-03-31",
    };

    private static readonly string ValidFile = StaffCsv.Build(Nurse, ClerkWard, ClerkFinance, PhysioNow, PhysioBefore);

    /// <summary>TestData's nurse of organisation A, exactly as seeded (employee and assignment number 10000001).</summary>
    private static readonly ImportRow SeededNurseA = new()
    {
        EmployeeNumber = "10000001", AssignmentNumber = "10000001", FirstName = "Amara", LastName = "Okafor",
        WorkEmail = "amara.okafor@test.example", PersonStartDate = "2020-01-06",
        StaffGroup = "NMR", JobRole = "Staff Nurse", Band = "Band 5", DepartmentCode = "WARD-A",
        PatientContact = "Y", WorksWithChildren = "N", RegisteredClinician = "Y", AssignmentStartDate = "2020-01-06",
    };

    private const string DateExpected = "a date as YYYY-MM-DD or DD/MM/YYYY";
    private const string DepartmentExpected = "a department code that exists in this organisation (e.g. D-CORP)";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_valid_file_creates_people_and_positions_that_the_people_api_then_shows(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);

        var result = await ImportOkAsync(admin, ValidFile);

        Assert.Equal((3, 0, 0, 5, 0, 0, 0), Counts(result));

        var nurse = await FindOneAsync(admin, "Nair");
        Assert.Equal(new StaffListItem(nurse.Id, "20000001", "Priya Nair", "priya.nair@nhs.example", "Staff Nurse", "Ward A", null), nurse);
        var nurseProfile = await ProfileAsync(admin, nurse.Id);
        Assert.Equal(("20000001", "Priya", "Nair", "priya.nair@nhs.example", new DateOnly(2021, 9, 1), (DateOnly?)null, "NMC", "12A3456E"),
            (nurseProfile.EmployeeNumber, nurseProfile.FirstName, nurseProfile.LastName, nurseProfile.WorkEmail,
             nurseProfile.StartDate, nurseProfile.LeavingDate, nurseProfile.RegistrationBody, nurseProfile.RegistrationNumber));
        Assert.Equal(
            [new PositionView(0, "20000001-1", "NMR", "Nursing and Midwifery Registered", "Staff Nurse", "Band 5",
                app.Data.WardA.Id, "Ward A", true, false, true, new DateOnly(2021, 9, 1), null, true)],
            WithoutIds(nurseProfile.Positions));

        // Searching by employee number; the primary position is the earliest current one.
        var clerk = await FindOneAsync(admin, "20000002");
        Assert.Equal(new StaffListItem(clerk.Id, "20000002", "Tom Fletcher", "tom.fletcher@nhs.example", "Ward Clerk", "Ward B", null), clerk);
        var clerkProfile = await ProfileAsync(admin, clerk.Id);
        Assert.Null(clerkProfile.RegistrationBody);
        Assert.Null(clerkProfile.RegistrationNumber);
        Assert.Equal(
            [
                new PositionView(0, "20000002-1", "AC", "Administrative and Clerical", "Ward Clerk", "Band 3",
                    app.Data.WardB.Id, "Ward B", false, false, false, new DateOnly(2022, 1, 10), null, true),
                new PositionView(0, "20000002-2", "AC", "Administrative and Clerical", "Finance Assistant", "Band 4",
                    app.Data.Finance.Id, "Finance", false, false, false, new DateOnly(2023, 3, 15), null, true),
            ],
            WithoutIds(clerkProfile.Positions));

        var physio = await FindOneAsync(admin, "sam.lee@nhs.example");
        var physioProfile = await ProfileAsync(admin, physio.Id);
        Assert.Equal(("HCPC", "PH123456", new DateOnly(2019, 4, 1)), (physioProfile.RegistrationBody, physioProfile.RegistrationNumber, physioProfile.StartDate));
        Assert.Equal(
            [
                new PositionView(0, "20000003-1", "AHP", "Allied Health Professionals", "Paediatric Physiotherapist", "Band 6",
                    app.Data.WardA.Id, "Ward A", true, true, true, new DateOnly(2023, 4, 1), null, true),
                new PositionView(0, "20000003-0", "AHP", "Allied Health Professionals", "Physiotherapist", "Band 5",
                    app.Data.WardB.Id, "Ward B", true, false, true, new DateOnly(2019, 4, 1), new DateOnly(2023, 3, 31), false),
            ],
            WithoutIds(physioProfile.Positions));

        // Organisation A now has the 4 seeded people and the 3 imported ones; the new ones are in A, not B.
        await using var db = app.NewDbContext();
        Assert.Equal(7, await db.Staff.CountAsync(s => s.OrganisationId == app.Data.OrgA));
        Assert.Equal(1, await db.Staff.CountAsync(s => s.OrganisationId == app.Data.OrgB));
        Assert.Equal(9, await db.Positions.CountAsync(p => p.OrganisationId == app.Data.OrgA));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Importing_the_same_file_again_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        await ImportOkAsync(admin, ValidFile);
        var before = await SnapshotAsync(app, app.Data.OrgA);

        var again = await ImportOkAsync(admin, ValidFile);

        Assert.Equal((0, 0, 3, 0, 0, 5, 0), Counts(again));
        Assert.Empty(again.Errors);
        var after = await SnapshotAsync(app, app.Data.OrgA);
        Assert.Equal(before, after);
        Assert.Equal(4 + 3 + 4 + 5, after.Count); // 7 people, 9 positions
        await using var db = app.NewDbContext();
        Assert.Equal(7, await db.Staff.CountAsync(s => s.OrganisationId == app.Data.OrgA));
        Assert.Equal(9, await db.Positions.CountAsync(p => p.OrganisationId == app.Data.OrgA));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_changed_row_updates_that_position_or_person_and_nothing_else(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        await ImportOkAsync(admin, ValidFile);
        var before = await SnapshotAsync(app, app.Data.OrgA);

        // The nurse is promoted and moves ward.
        var promoted = Nurse with { JobRole = "Senior Staff Nurse", Band = "Band 6", DepartmentCode = "WARD-B" };
        var result = await ImportOkAsync(admin, StaffCsv.Build(promoted, ClerkWard, ClerkFinance, PhysioNow, PhysioBefore));

        Assert.Equal((0, 0, 3, 0, 1, 4, 0), Counts(result));
        var after = await SnapshotAsync(app, app.Data.OrgA);
        var removed = Assert.Single(before.Except(after));
        var added = Assert.Single(after.Except(before));
        Assert.StartsWith("position|", removed, StringComparison.Ordinal);
        Assert.Equal(removed.Replace($"|NMR|Staff Nurse|Band 5|{app.Data.WardA.Id}|", $"|NMR|Senior Staff Nurse|Band 6|{app.Data.WardB.Id}|", StringComparison.Ordinal), added);

        var nurse = await FindOneAsync(admin, "20000001");
        Assert.Equal(("Senior Staff Nurse", "Ward B"), (nurse.PrimaryRole, nurse.PrimaryDepartment));
        var position = Assert.Single((await ProfileAsync(admin, nurse.Id)).Positions);
        Assert.Equal(("20000001-1", "Senior Staff Nurse", "Band 6", app.Data.WardB.Id, new DateOnly(2021, 9, 1), (DateOnly?)null),
            (position.AssignmentNumber, position.JobRole, position.Band, position.DepartmentId, position.StartDate, position.EndDate));

        // A person detail (the clerk's email, on both of his rows) updates the person only.
        before = after;
        var email = "t.fletcher@nhs.example";
        result = await ImportOkAsync(admin, StaffCsv.Build(promoted, ClerkWard with { WorkEmail = email }, ClerkFinance with { WorkEmail = email }, PhysioNow, PhysioBefore));

        Assert.Equal((0, 1, 2, 0, 0, 5, 0), Counts(result));
        after = await SnapshotAsync(app, app.Data.OrgA);
        removed = Assert.Single(before.Except(after));
        added = Assert.Single(after.Except(before));
        Assert.Equal(removed.Replace("|tom.fletcher@nhs.example|", "|t.fletcher@nhs.example|", StringComparison.Ordinal), added);
        Assert.StartsWith("person|", added, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_leaver_is_kept_with_a_leaving_date_and_their_open_positions_end(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        await ImportOkAsync(admin, ValidFile);
        var clerkId = (await FindOneAsync(admin, "20000002")).Id;
        var before = await SnapshotAsync(app, app.Data.OrgA);
        Assert.Equal(7, (await SearchAsync(admin, "/api/v1/people")).Total);

        // A partial file: the clerk left last week (only one of his two positions is in the file: both end);
        // the nurse leaves at the end of the month (her position ends then; she is still current today).
        var leavers = StaffCsv.Build(ClerkWard with { LeavingDate = "27/02/2026" }, Nurse with { LeavingDate = "2026-03-31" });
        var result = await ImportOkAsync(admin, leavers);

        Assert.Equal((0, 2, 0, 0, 0, 0, 3), Counts(result));

        await using (var db = app.NewDbContext())
        {
            Assert.Equal(7, await db.Staff.CountAsync(s => s.OrganisationId == app.Data.OrgA));
            Assert.Equal(9, await db.Positions.CountAsync(p => p.OrganisationId == app.Data.OrgA));
            var clerk = await db.Staff.AsNoTracking().Include(s => s.Positions).SingleAsync(s => s.Id == clerkId);
            Assert.Equal(new DateOnly(2026, 2, 27), clerk.LeavingDate);
            Assert.Equal(
                [("20000002-1", (DateOnly?)new DateOnly(2026, 2, 27)), ("20000002-2", new DateOnly(2026, 2, 27))],
                clerk.Positions.OrderBy(p => p.AssignmentNumber, StringComparer.Ordinal).Select(p => (p.AssignmentNumber, p.EndDate)));
        }

        // Only the two leavers' rows changed, and only in their leaving and end dates.
        var after = await SnapshotAsync(app, app.Data.OrgA);
        Assert.Equal(5, after.Except(before).Count()); // 2 people, 3 positions
        Assert.Equal(before.Select(Left).Order(StringComparer.Ordinal), after);

        // The clerk drops out of the default search but is found with includeLeavers; the nurse has not left yet.
        Assert.Empty((await SearchAsync(admin, "/api/v1/people?q=Fletcher")).Items);
        Assert.Equal(6, (await SearchAsync(admin, "/api/v1/people")).Total);
        var found = Assert.Single((await SearchAsync(admin, "/api/v1/people?q=Fletcher&includeLeavers=true")).Items);
        Assert.Equal((clerkId, new DateOnly(2026, 2, 27)), (found.Id, found.LeavingDate));
        var nurse = await FindOneAsync(admin, "Nair");
        Assert.Equal(new DateOnly(2026, 3, 31), nurse.LeavingDate);

        var clerkProfile = await ProfileAsync(admin, clerkId);
        Assert.Equal(new DateOnly(2026, 2, 27), clerkProfile.LeavingDate);
        Assert.Equal(2, clerkProfile.Positions.Count);
        Assert.All(clerkProfile.Positions, p => Assert.Equal((new DateOnly(2026, 2, 27), false), (p.EndDate, p.IsCurrent)));
        var nursePosition = Assert.Single((await ProfileAsync(admin, nurse.Id)).Positions);
        Assert.Equal((new DateOnly(2026, 3, 31), true), (nursePosition.EndDate, nursePosition.IsCurrent));

        // Importing the leavers' file again changes nothing.
        var again = await ImportOkAsync(admin, leavers);
        Assert.Equal((0, 0, 2, 0, 0, 2, 0), Counts(again));
        Assert.Equal(after, await SnapshotAsync(app, app.Data.OrgA));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_file_with_bad_rows_is_rejected_whole_with_each_problem_by_row_and_column(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var beforeA = await SnapshotAsync(app, app.Data.OrgA);
        var beforeB = await SnapshotAsync(app, app.Data.OrgB);

        var file = StaffCsv.Build(
            Nurse,                                                                          // row 2: good, new
            ClerkWard with { AssignmentStartDate = "2023-13-01" },                          // row 3: no 13th month
            PhysioNow with { DepartmentCode = "WARD-Z" },                                   // row 4: no such department
            ClerkFinance with { EmployeeNumber = "20000009", AssignmentNumber = "20000009-1", WorkEmail = "x@nhs.example" }, // row 5: good, new
            SeededNurseA with { JobRole = "Senior Staff Nurse", Band = "Band 6" });         // row 6: good, an update

        var response = await admin.PostCsvAsync(file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The file was not imported", problem.GetProperty("title").GetString());
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal("2 problems found; nothing was changed. Correct the rows listed and import the whole file again.", problem.GetProperty("detail").GetString());
        Assert.Equal(
            [
                "{\"row\":3,\"column\":\"Assignment Start Date\",\"value\":\"2023-13-01\",\"expected\":\"" + DateExpected + "\"}",
                "{\"row\":4,\"column\":\"Department Code\",\"value\":\"WARD-Z\",\"expected\":\"" + DepartmentExpected + "\"}",
            ],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetRawText()));

        // Nothing applied: not the new people of the good rows, not the update of row 6.
        Assert.Equal(beforeA, await SnapshotAsync(app, app.Data.OrgA));
        Assert.Equal(beforeB, await SnapshotAsync(app, app.Data.OrgB));
        await using var db = app.NewDbContext();
        Assert.False(await db.Staff.AnyAsync(s => s.EmployeeNumber == "20000001" || s.EmployeeNumber == "20000009"));
        Assert.Equal(4, await db.Staff.CountAsync(s => s.OrganisationId == app.Data.OrgA));
        Assert.Equal(4, await db.Positions.CountAsync(p => p.OrganisationId == app.Data.OrgA));
        Assert.Equal("Staff Nurse", await db.Positions.Where(p => p.StaffMemberId == app.Data.NurseA.Id).Select(p => p.JobRole).SingleAsync());
        Assert.Empty((await SearchAsync(admin, "/api/v1/people?q=20000001&includeLeavers=true")).Items);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Organisation_B_is_never_read_or_touched_by_an_import_into_A(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        await using (var db = app.NewDbContext())
        {
            var onlyB = new Department { OrganisationId = app.Data.OrgB, Code = "B-ONLY", Name = "Beta only", Kind = DepartmentKind.Ward };
            db.Departments.Add(onlyB);
            await db.SaveChangesAsync();
            DepartmentTree.AssignPath(onlyB, null);
            await db.SaveChangesAsync();
        }

        var beforeA = await SnapshotAsync(app, app.Data.OrgA);
        var beforeB = await SnapshotAsync(app, app.Data.OrgB);

        // B's department code is unknown in A.
        var rejected = await ImportRejectedAsync(admin, StaffCsv.Build(SeededNurseA with { DepartmentCode = "B-ONLY" }));
        Assert.Equal([new ImportError(2, "Department Code", "B-ONLY", DepartmentExpected)], rejected);
        Assert.Equal(beforeA, await SnapshotAsync(app, app.Data.OrgA));

        // Employee and assignment number 10000001 exist in both organisations: only A's person changes,
        // and WARD-A (a code both organisations use) is A's ward.
        var result = await ImportOkAsync(admin, StaffCsv.Build(
            SeededNurseA with { JobRole = "Senior Staff Nurse", Band = "Band 6", WorksWithChildren = "Y" },
            SeededNurseA with { AssignmentNumber = "10000001-2", JobRole = "Bank Staff Nurse", AssignmentStartDate = "2024-01-01" }));

        Assert.Equal((0, 0, 1, 1, 1, 0, 0), Counts(result));
        Assert.Equal(beforeB, await SnapshotAsync(app, app.Data.OrgB));
        await using (var db = app.NewDbContext())
        {
            var positions = await db.Positions.AsNoTracking().Where(p => p.OrganisationId == app.Data.OrgA && p.StaffMemberId == app.Data.NurseA.Id)
                .OrderBy(p => p.AssignmentNumber).Select(p => new { p.AssignmentNumber, p.JobRole, p.DepartmentId, p.WorksWithChildren }).ToListAsync();
            Assert.Equal(
                [("10000001", "Senior Staff Nurse", app.Data.WardA.Id, true), ("10000001-2", "Bank Staff Nurse", app.Data.WardA.Id, false)],
                positions.Select(p => (p.AssignmentNumber, p.JobRole, p.DepartmentId, p.WorksWithChildren)));
            Assert.Equal(4, await db.Staff.CountAsync(s => s.OrganisationId == app.Data.OrgA));
            Assert.Equal(1, await db.Staff.CountAsync(s => s.OrganisationId == app.Data.OrgB));
        }

        // What organisation B sees of its own 10000001 is as it was.
        var b = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        var erin = Assert.Single((await SearchAsync(b, "/api/v1/people?q=10000001")).Items);
        Assert.Equal(("Erin Walsh", "Staff Nurse", "Beta Ward A"), (erin.Name, erin.PrimaryRole, erin.PrimaryDepartment));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_multipart_upload_is_read_exactly_like_a_csv_body(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var bad = StaffCsv.Build(Nurse, ClerkWard with { PatientContact = "maybe" }, PhysioNow with { DepartmentCode = "WARD-Z" });
        var before = await SnapshotAsync(app, app.Data.OrgA);

        var fromBody = await ImportRejectedAsync(admin, bad);
        var multipartResponse = await admin.PostMultipartAsync(bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, multipartResponse.StatusCode);
        Assert.Equal("application/problem+json", multipartResponse.Content.Headers.ContentType?.MediaType);
        var fromMultipart = (await multipartResponse.Content.ReadFromJsonAsync<ImportProblem>())!.Errors;
        Assert.Equal(
            [
                new ImportError(3, "Patient Contact", "maybe", "one of Y, N, Yes, No"),
                new ImportError(4, "Department Code", "WARD-Z", DepartmentExpected),
            ],
            fromBody);
        Assert.Equal(fromBody, fromMultipart);
        Assert.Equal(before, await SnapshotAsync(app, app.Data.OrgA));

        // The wrong form field is a 400 that says what to send, and changes nothing.
        var wrongField = await admin.PostMultipartAsync(ValidFile, field: "upload");
        Assert.Equal(HttpStatusCode.BadRequest, wrongField.StatusCode);
        Assert.Contains("'file'", await wrongField.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app, app.Data.OrgA));

        // A good file by multipart imports; the same file as a body then finds everything already there.
        var uploaded = await admin.PostMultipartAsync(ValidFile);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal((3, 0, 0, 5, 0, 0, 0), Counts((await uploaded.Content.ReadFromJsonAsync<StaffImportResult>())!));
        var afterUpload = await SnapshotAsync(app, app.Data.OrgA);
        Assert.Equal((0, 0, 3, 0, 0, 5, 0), Counts(await ImportOkAsync(admin, ValidFile)));
        Assert.Equal(afterUpload, await SnapshotAsync(app, app.Data.OrgA));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_admins_may_import(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = await SnapshotAsync(app, app.Data.OrgA);

        foreach (var email in new[] { TestData.ComplianceEmail, TestData.ManagerEmail, TestData.EducatorEmail, TestData.LearnerEmail })
        {
            var client = await app.SignedInClientAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostCsvAsync(ValidFile)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostMultipartAsync(ValidFile)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().PostCsvAsync(ValidFile)).StatusCode);
        Assert.Equal(before, await SnapshotAsync(app, app.Data.OrgA));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_import_page_lists_each_problem_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var before = await SnapshotAsync(app, app.Data.OrgA);

        var bad = StaffCsv.Build(Nurse, ClerkWard, ClerkFinance with { DepartmentCode = "WARD-Z" });
        var html = await PostImportPageAsync(admin, bad, "hr-extract.csv");

        Assert.Contains("hr-extract.csv was not imported", html, StringComparison.Ordinal);
        Assert.Contains("1 problem found. Nothing was changed.", html, StringComparison.Ordinal);
        Assert.Matches(
            @"<td class=""nhsuk-table__cell"">4</td>\s*<td class=""nhsuk-table__cell"">Department Code</td>\s*<td class=""nhsuk-table__cell"">WARD-Z</td>\s*" +
            @"<td class=""nhsuk-table__cell"">a department code that exists in this organisation \(e\.g\. D-CORP\)</td>",
            html);
        Assert.DoesNotContain("data-testid=\"import-summary\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app, app.Data.OrgA));

        // The corrected file imports, and the page says what changed.
        html = await PostImportPageAsync(admin, StaffCsv.Build(Nurse, ClerkWard, ClerkFinance), "hr-extract.csv");
        Assert.Contains("hr-extract.csv imported", html, StringComparison.Ordinal);
        Assert.Contains("People: 2 new, 0 updated, 0 unchanged.", html, StringComparison.Ordinal);
        Assert.Contains("Positions: 3 new, 0 updated, 0 unchanged, 0 ended.", html, StringComparison.Ordinal);
        await using var db = app.NewDbContext();
        Assert.Equal(6, await db.Staff.CountAsync(s => s.OrganisationId == app.Data.OrgA));
    }

    private static async Task<string> PostImportPageAsync(HttpClient client, string csv, string fileName)
    {
        var token = await client.AntiforgeryTokenAsync("/import");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "CsvFile", fileName },
        };
        var response = await client.PostAsync("/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>People created, updated, unchanged; positions created, updated, unchanged, ended.</summary>
    private static (int, int, int, int, int, int, int) Counts(StaffImportResult r) =>
        (r.PeopleCreated, r.PeopleUpdated, r.PeopleUnchanged, r.PositionsCreated, r.PositionsUpdated, r.PositionsUnchanged, r.PositionsEnded);

    private static async Task<StaffImportResult> ImportOkAsync(HttpClient client, string csv)
    {
        var response = await client.PostCsvAsync(csv);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        var result = JsonSerializer.Deserialize<StaffImportResult>(body, JsonSerializerOptions.Web)!;
        Assert.True(result.Applied);
        Assert.Empty(result.Errors);
        return result;
    }

    private static async Task<IReadOnlyList<ImportError>> ImportRejectedAsync(HttpClient client, string csv)
    {
        var response = await client.PostCsvAsync(csv);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ImportProblem>())!.Errors;
    }

    private static async Task<StaffPage> SearchAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StaffPage>())!;
    }

    private static async Task<StaffListItem> FindOneAsync(HttpClient client, string q) =>
        Assert.Single((await SearchAsync(client, "/api/v1/people?q=" + Uri.EscapeDataString(q))).Items);

    private static async Task<PersonProfile> ProfileAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync($"/api/v1/people/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PersonProfile>())!;
    }

    /// <summary>A snapshot line as it should be after the leavers' file: the clerk left on 27/02, the nurse leaves on 31/03.</summary>
    private static string Left(string line)
    {
        var f = line.Split('|');
        var employee = f[0] == "person" ? f[2] : f[3].Split('-')[0];
        var date = employee switch { "20000002" => "2026-02-27", "20000001" => "2026-03-31", _ => null };
        if (date is not null)
        {
            f[f[0] == "person" ? 7 : f.Length - 1] = date;
        }

        return string.Join('|', f);
    }

    private static List<PositionView> WithoutIds(IEnumerable<PositionView> positions) => [.. positions.Select(p => p with { Id = 0 })];

    private static async Task<List<string>> SnapshotAsync(TestApp app, int organisationId)
    {
        await using var db = app.NewDbContext();
        return await StaffCsv.SnapshotAsync(db, organisationId);
    }
}
