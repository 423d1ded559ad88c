using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using CareReady.Core.Workforce.Import;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Import;

/// <summary>
/// The sites and department tree import through HTTP, as the admin of organisation A (seeded with
/// D-MED → WARD-A, WARD-B and D-CORP → FIN): a tree in any order with a new site, paths that follow every
/// move down the whole subtree, idempotent re-import, all or nothing, and a staff file that can use the
/// new codes straight after.
/// </summary>
public class DepartmentImportTests
{
    /// <summary>The header, spelled out here (not taken from the code under test) so a renamed column fails the tests.</summary>
    private const string Header = "Code,Name,Kind,Parent Code,Site Code,Site Name";

    private const string Url = "/api/v1/imports/departments";

    // Three levels, child rows first, a new site named on its first row only.
    private static readonly string SurgeryFile = Csv(
        "WARD-S1,Surgical Ward 1,Ward,GEN-SURG,NGH,Northgate Hospital",
        "GEN-SURG,General Surgery,Department,D-SURG,ngh,",
        "D-SURG,Surgery,division,,,");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_three_level_tree_with_a_new_site_is_created_with_its_paths_and_a_reimport_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var before = await SnapshotAsync(app, app.Data.OrgA);
        var otherOrg = await SnapshotAsync(app, app.Data.OrgB);

        var result = await ImportOkAsync(admin, SurgeryFile);

        Assert.Equal(new DepartmentImportResult(true, [], 1, 3, 0, 0), result with { Errors = [] });
        await using (var db = app.NewDbContext())
        {
            var site = await db.Sites.AsNoTracking().SingleAsync(s => s.OrganisationId == app.Data.OrgA);
            Assert.Equal(("NGH", "Northgate Hospital"), (site.Code, site.Name));

            var surgery = await DepartmentAsync(db, app.Data.OrgA, "D-SURG");
            var general = await DepartmentAsync(db, app.Data.OrgA, "GEN-SURG");
            var ward = await DepartmentAsync(db, app.Data.OrgA, "WARD-S1");
            Assert.Equal((DepartmentKind.Division, "Surgery", (int?)null, (int?)null, $"/{surgery.Id}/"),
                (surgery.Kind, surgery.Name, surgery.ParentId, surgery.SiteId, surgery.Path));
            Assert.Equal((DepartmentKind.Department, "General Surgery", (int?)surgery.Id, (int?)site.Id, $"/{surgery.Id}/{general.Id}/"),
                (general.Kind, general.Name, general.ParentId, general.SiteId, general.Path));
            Assert.Equal((DepartmentKind.Ward, "Surgical Ward 1", (int?)general.Id, (int?)site.Id, $"/{surgery.Id}/{general.Id}/{ward.Id}/"),
                (ward.Kind, ward.Name, ward.ParentId, ward.SiteId, ward.Path));
        }

        // The seeded departments are as they were; the tree API shows the new branch with its site.
        Assert.Equal(before, (await SnapshotAsync(app, app.Data.OrgA)).Where(before.Contains));
        Assert.Equal(before.Count + 4, (await SnapshotAsync(app, app.Data.OrgA)).Count);
        var tree = await TreeAsync(admin);
        Assert.Equal(
            [
                "Corporate (Division)",
                "  Finance (Department)",
                "Medicine (Division)",
                "  Ward A (Ward)",
                "  Ward B (Ward)",
                "Surgery (Division)",
                "  General Surgery (Department) at Northgate Hospital",
                "    Surgical Ward 1 (Ward) at Northgate Hospital",
            ],
            tree);
        await AssertPathsConsistentAsync(app, app.Data.OrgA);

        // The same file again: nothing to do, nothing changed.
        var after = await SnapshotAsync(app, app.Data.OrgA);
        Assert.Equal(new DepartmentImportResult(true, [], 0, 0, 0, 3), await ImportOkAsync(admin, SurgeryFile) with { Errors = [] });
        Assert.Equal(after, await SnapshotAsync(app, app.Data.OrgA));
        Assert.Equal(otherOrg, await SnapshotAsync(app, app.Data.OrgB));

        // Sent as a multipart upload it is the same again.
        var uploaded = await admin.PostAsync(Url, Multipart(SurgeryFile));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(new DepartmentImportResult(true, [], 0, 0, 0, 3), (await uploaded.Content.ReadFromJsonAsync<DepartmentImportResult>())! with { Errors = [] });
        Assert.Equal(after, await SnapshotAsync(app, app.Data.OrgA));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Moving_a_department_rewrites_the_paths_of_its_whole_subtree_and_managers_keep_their_wards(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var finance = await SnapshotAsync(app, app.Data.OrgA);

        // A new top-level division; Medicine (whose wards are not in the file) moves under it and becomes a
        // department. Corporate is in the file unchanged.
        var result = await ImportOkAsync(admin, Csv(
            "D-MED,Medicine,Department,d-clin,,",
            "D-CLIN,Clinical Services,Division,,,",
            "D-CORP,Corporate,Division,,,"));

        Assert.Equal(new DepartmentImportResult(true, [], 0, 1, 1, 1), result with { Errors = [] });
        await using (var db = app.NewDbContext())
        {
            var clinical = await DepartmentAsync(db, app.Data.OrgA, "D-CLIN");
            var medicine = await DepartmentAsync(db, app.Data.OrgA, "D-MED");
            Assert.Equal(($"/{clinical.Id}/", (int?)clinical.Id, $"/{clinical.Id}/{medicine.Id}/", DepartmentKind.Department),
                (clinical.Path, medicine.ParentId, medicine.Path, medicine.Kind));
            Assert.Equal($"/{clinical.Id}/{medicine.Id}/{app.Data.WardA.Id}/", (await DepartmentAsync(db, app.Data.OrgA, "WARD-A")).Path);
            Assert.Equal($"/{clinical.Id}/{medicine.Id}/{app.Data.WardB.Id}/", (await DepartmentAsync(db, app.Data.OrgA, "WARD-B")).Path);
            Assert.Equal(app.Data.Finance.Path, (await DepartmentAsync(db, app.Data.OrgA, "FIN")).Path);
        }

        await AssertPathsConsistentAsync(app, app.Data.OrgA);
        Assert.Contains(finance.Single(l => l.Contains("|FIN|", StringComparison.Ordinal)), await SnapshotAsync(app, app.Data.OrgA));
        Assert.Equal(
            [
                "Clinical Services (Division)",
                "  Medicine (Department)",
                "    Ward A (Ward)",
                "    Ward B (Ward)",
                "Corporate (Division)",
                "  Finance (Department)",
            ],
            await TreeAsync(admin));

        // The manager of Ward A (scoped by path) still sees Ward A's people and only them.
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/people/{app.Data.NurseA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/people/{app.Data.NurseB.Id}")).StatusCode);
        Assert.Equal(["Ward A (Ward)"], await TreeAsync(manager));

        // Ward B moves to Corporate; Medicine goes back to the top. Only what the file says moves.
        result = await ImportOkAsync(admin, Csv(
            "WARD-B,Ward B,Ward,D-CORP,,",
            "D-MED,Medicine,Division,,,"));
        Assert.Equal(new DepartmentImportResult(true, [], 0, 0, 2, 0), result with { Errors = [] });
        await AssertPathsConsistentAsync(app, app.Data.OrgA);
        Assert.Equal(
            [
                "Clinical Services (Division)",
                "Corporate (Division)",
                "  Finance (Department)",
                "  Ward B (Ward)",
                "Medicine (Division)",
                "  Ward A (Ward)",
            ],
            await TreeAsync(admin));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_bad_file_is_rejected_whole_with_each_problem_by_row_and_column(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var before = await SnapshotAsync(app, app.Data.OrgA);

        var file = Csv(
            "D-SURG,Surgery,Division,,NGH,Northgate Hospital",     // row 2: good, new, new site
            "D-MED,Medicine (renamed),Division,WARD-A,,",          // row 3: good on its own, but WARD-A is below D-MED
            "WARD-S1,Ward S1,Ward,GEN-SURG,,",                     // row 4: no such parent
            "WARD-S2,Ward S2,Room,D-SURG,XYZ,",                    // row 5: no such kind; new site without a name
            "FIN,Finance,Department,D-CORP,,");                    // row 6: good, unchanged

        var response = await admin.PostAsync(Url, new StringContent(file, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The file was not imported", problem.GetProperty("title").GetString());
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal("4 problems found; nothing was changed. Correct the rows listed and import the whole file again.", problem.GetProperty("detail").GetString());
        Assert.Equal(
            [
                new ImportError(3, "Parent Code", "WARD-A", "a parent that is not below this department: following each parent, D-MED → WARD-A → D-MED goes round in a loop"),
                new ImportError(4, "Parent Code", "GEN-SURG",
                    "the Code of another row of this file or of a department already in the organisation, or empty for a top-level department"),
                new ImportError(5, "Kind", "Room", "one of Division, Department, Ward"),
                new ImportError(5, "Site Name", "",
                    "the name of site XYZ, which is new to the organisation: a Site Name is required on the first row that uses a new Site Code"),
            ],
            problem.GetProperty("errors").Deserialize<List<ImportError>>(JsonSerializerOptions.Web));

        // Nothing applied: not the new division or site of row 2, not the rename of row 3.
        Assert.Equal(before, await SnapshotAsync(app, app.Data.OrgA));

        // The same by multipart; a wrong form field is a 400 that says what to send.
        var multipart = await admin.PostAsync(Url, Multipart(file));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, multipart.StatusCode);
        var wrongField = await admin.PostAsync(Url, Multipart(file, field: "upload"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongField.StatusCode);
        Assert.Contains("'file'", await wrongField.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(app, app.Data.OrgA));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_staff_file_can_use_the_new_department_codes_straight_after(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignedInClientAsync(TestData.AdminEmail);

        // Before the departments exist the staff row is refused.
        var staff = StaffFile("ward-s1");
        var refused = await admin.PostAsync("/api/v1/imports/staff", new StringContent(staff, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        await ImportOkAsync(admin, SurgeryFile);
        staff = StaffFile("ward-s1"); // any case, as in the staff import
        var response = await admin.PostAsync("/api/v1/imports/staff", new StringContent(staff, Encoding.UTF8, "text/csv"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        using var result = JsonDocument.Parse(body);
        Assert.Equal(1, result.RootElement.GetProperty("peopleCreated").GetInt32());
        Assert.Equal(1, result.RootElement.GetProperty("positionsCreated").GetInt32());

        await using var db = app.NewDbContext();
        var ward = await DepartmentAsync(db, app.Data.OrgA, "WARD-S1");
        var position = await db.Positions.AsNoTracking().SingleAsync(p => p.OrganisationId == app.Data.OrgA && p.AssignmentNumber == "30000001-1");
        Assert.Equal(ward.Id, position.DepartmentId);

        using var tree = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/departments"));
        var surgicalWard = tree.RootElement.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "D-SURG")
            .GetProperty("children")[0].GetProperty("children")[0];
        Assert.Equal(("WARD-S1", 1), (surgicalWard.GetProperty("code").GetString(), surgicalWard.GetProperty("staffCount").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_admins_may_import_departments(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var before = await SnapshotAsync(app, app.Data.OrgA);

        foreach (var email in new[] { TestData.ComplianceEmail, TestData.ManagerEmail, TestData.LearnerEmail })
        {
            var client = await app.SignedInClientAsync(email);
            var response = await client.PostAsync(Url, new StringContent(SurgeryFile, Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var anonymous = await app.NewClient().PostAsync(Url, new StringContent(SurgeryFile, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(before, await SnapshotAsync(app, app.Data.OrgA));
    }

    private static string Csv(params string[] rows) => Header + "\r\n" + string.Join("\r\n", rows) + "\r\n";

    private static MultipartFormDataContent Multipart(string csv, string field = "file")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, field, "departments.csv" } };
    }

    /// <summary>One valid staff row (headers as in the README's staff column list) in the given department.</summary>
    private static string StaffFile(string departmentCode) =>
        "Employee Number,Assignment Number,First Name,Last Name,Work Email,Person Start Date,Staff Group,Job Role,Band," +
        "Department Code,Patient Contact,Works With Children,Registered Clinician,Assignment Start Date\r\n" +
        $"30000001,30000001-1,Grace,Adeyemi,grace.adeyemi@nhs.example,2022-05-03,AC,Ward Clerk,Band 3,{departmentCode},N,N,N,2022-05-03\r\n";

    private static async Task<DepartmentImportResult> ImportOkAsync(HttpClient client, string csv)
    {
        var response = await client.PostAsync(Url, new StringContent(csv, Encoding.UTF8, "text/csv"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        var result = JsonSerializer.Deserialize<DepartmentImportResult>(body, JsonSerializerOptions.Web)!;
        Assert.True(result.Applied);
        Assert.Empty(result.Errors);
        return result;
    }

    /// <summary>GET /api/v1/departments as indented lines: "Name (Kind)[ at Site]", children two spaces in.</summary>
    private static async Task<List<string>> TreeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/departments");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = new List<string>();
        void Add(JsonElement nodes, int depth)
        {
            foreach (var node in nodes.EnumerateArray())
            {
                var site = node.GetProperty("siteName").GetString();
                lines.Add($"{new string(' ', depth * 2)}{node.GetProperty("name").GetString()} ({node.GetProperty("kind").GetString()})" +
                    (site is null ? "" : " at " + site));
                Add(node.GetProperty("children"), depth + 1);
            }
        }

        Add(await response.Content.ReadFromJsonAsync<JsonElement>(), 0);
        return lines;
    }

    private static Task<Department> DepartmentAsync(AppDbContext db, int organisationId, string code) =>
        db.Departments.AsNoTracking().SingleAsync(d => d.OrganisationId == organisationId && d.Code == code);

    /// <summary>Every department's path is its parent's path and its own id.</summary>
    private static async Task AssertPathsConsistentAsync(TestApp app, int organisationId)
    {
        await using var db = app.NewDbContext();
        var all = await db.Departments.AsNoTracking().Where(d => d.OrganisationId == organisationId).ToDictionaryAsync(d => d.Id);
        Assert.All(all.Values, d =>
            Assert.Equal(DepartmentTree.PathOf(d.ParentId is int p ? all[p].Path : null, d.Id), d.Path));
    }

    /// <summary>Every stored field of the organisation's sites and departments, one line each, in a stable order.</summary>
    private static async Task<List<string>> SnapshotAsync(TestApp app, int organisationId)
    {
        await using var db = app.NewDbContext();
        var sites = await db.Sites.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToListAsync();
        var departments = await db.Departments.AsNoTracking().Where(d => d.OrganisationId == organisationId).ToListAsync();
        return sites.Select(s => string.Join('|', "site", s.Id, s.Code, s.Name))
            .Concat(departments.Select(d => string.Join('|', "department", d.Id, d.Code, d.Name, d.Kind, d.ParentId, d.SiteId, d.Path)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
