using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Requirements;
using CareReady.Core.Workforce;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Infrastructure;

/// <summary>
/// A small, fully known world for HTTP tests. Organisation A ("RTA"): Medicine division with wards
/// A and B, Corporate with Finance; organisation B ("RTB"): one ward. One account per role.
/// </summary>
public sealed class TestData(TestApp app)
{
    public const string Password = "Test-password-2026";

    public const string LearnerEmail = "learner@a.example";
    public const string ManagerEmail = "manager@a.example";       // manages Ward A only
    public const string EducatorEmail = "educator@a.example";
    public const string ComplianceEmail = "compliance@a.example";
    public const string AdminEmail = "admin@a.example";
    public const string OtherOrgComplianceEmail = "compliance@b.example";

    public int OrgA { get; private set; }
    public int OrgB { get; private set; }
    public Department Medicine { get; private set; } = null!;
    public Department WardA { get; private set; } = null!;
    public Department WardB { get; private set; } = null!;
    public Department Finance { get; private set; } = null!;
    public Department OtherOrgWard { get; private set; } = null!;

    /// <summary>Nurse on Ward A, linked to the learner account.</summary>
    public StaffMember NurseA { get; private set; } = null!;

    /// <summary>Nurse on Ward B (outside the manager's scope).</summary>
    public StaffMember NurseB { get; private set; } = null!;

    /// <summary>Finance clerk (non-clinical).</summary>
    public StaffMember Clerk { get; private set; } = null!;

    /// <summary>A nurse of organisation B.</summary>
    public StaffMember OtherOrgNurse { get; private set; } = null!;

    public RequirementRule FireRule { get; private set; } = null!;
    public RequirementRule ResusRule { get; private set; } = null!;

    public async Task SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var a = new Organisation { Code = "RTA", Name = "Alpha Test Hospitals NHS Trust" };
        var b = new Organisation { Code = "RTB", Name = "Beta Test Hospitals NHS Trust" };
        db.Organisations.AddRange(a, b);
        await db.SaveChangesAsync();
        (OrgA, OrgB) = (a.Id, b.Id);

        Medicine = await AddDepartmentAsync(db, a.Id, null, "D-MED", "Medicine", DepartmentKind.Division);
        WardA = await AddDepartmentAsync(db, a.Id, Medicine, "WARD-A", "Ward A", DepartmentKind.Ward);
        WardB = await AddDepartmentAsync(db, a.Id, Medicine, "WARD-B", "Ward B", DepartmentKind.Ward);
        var corporate = await AddDepartmentAsync(db, a.Id, null, "D-CORP", "Corporate", DepartmentKind.Division);
        Finance = await AddDepartmentAsync(db, a.Id, corporate, "FIN", "Finance", DepartmentKind.Department);
        OtherOrgWard = await AddDepartmentAsync(db, b.Id, null, "WARD-A", "Beta Ward A", DepartmentKind.Ward);

        var start = new DateOnly(2020, 1, 6);
        NurseA = Person(a.Id, "10000001", "Amara", "Okafor", WardA, "NMR", "Staff Nurse", "Band 5", start, patientContact: true, registered: true);
        NurseB = Person(a.Id, "10000002", "Ben", "Hughes", WardB, "NMR", "Staff Nurse", "Band 5", start, patientContact: true, registered: true);
        Clerk = Person(a.Id, "10000003", "Chloe", "Patel", Finance, "AC", "Finance Officer", "Band 4", start, patientContact: false, registered: false);
        var managerStaff = Person(a.Id, "10000004", "Dev", "Sharma", WardA, "NMR", "Ward Manager", "Band 7", start, patientContact: true, registered: true);
        OtherOrgNurse = Person(b.Id, "10000001", "Erin", "Walsh", OtherOrgWard, "NMR", "Staff Nurse", "Band 5", start, patientContact: true, registered: true);
        db.Staff.AddRange(NurseA, NurseB, Clerk, managerStaff, OtherOrgNurse);
        await db.SaveChangesAsync();

        var competencies = await db.Competencies.ToDictionaryAsync(c => c.Code);
        FireRule = new RequirementRule { OrganisationId = a.Id, Name = "Fire Safety — all staff", CompetencyId = competencies["CSTF-FIRE-1"].Id };
        ResusRule = new RequirementRule { OrganisationId = a.Id, Name = "Adult BLS — clinical staff", CompetencyId = competencies["CSTF-RES-2A"].Id, Clinical = true };
        var resusAwareness = new RequirementRule { OrganisationId = a.Id, Name = "Resuscitation awareness — non-clinical", CompetencyId = competencies["CSTF-RES-1"].Id, Clinical = false };
        var otherOrgRule = new RequirementRule { OrganisationId = b.Id, Name = "Fire Safety — Beta", CompetencyId = competencies["CSTF-FIRE-1"].Id };
        db.RequirementRules.AddRange(FireRule, ResusRule, resusAwareness, otherOrgRule);

        // Nurse A did fire safety a year ago (2-year refresher → up to date).
        db.Completions.Add(new Completion
        {
            OrganisationId = a.Id, StaffMemberId = NurseA.Id, CompetencyId = competencies["CSTF-FIRE-1"].Id,
            CompletedOn = DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime).AddYears(-1), Source = CompletionSource.Historic,
        });
        await db.SaveChangesAsync();

        await UserAsync(users, LearnerEmail, a.Id, NurseA.Id, Roles.Learner);
        var manager = await UserAsync(users, ManagerEmail, a.Id, managerStaff.Id, Roles.Learner, Roles.Manager);
        await UserAsync(users, EducatorEmail, a.Id, null, Roles.Learner, Roles.Educator);
        await UserAsync(users, ComplianceEmail, a.Id, null, Roles.Learner, Roles.ComplianceLead);
        await UserAsync(users, AdminEmail, a.Id, null, Roles.Admin);
        await UserAsync(users, OtherOrgComplianceEmail, b.Id, OtherOrgNurse.Id, Roles.Learner, Roles.ComplianceLead);
        db.ManagerScopes.Add(new ManagerScope { OrganisationId = a.Id, UserId = manager.Id, DepartmentId = WardA.Id });
        await db.SaveChangesAsync();
    }

    private static async Task<Department> AddDepartmentAsync(AppDbContext db, int org, Department? parent, string code, string name, DepartmentKind kind)
    {
        var d = new Department { OrganisationId = org, ParentId = parent?.Id, Code = code, Name = name, Kind = kind };
        db.Departments.Add(d);
        await db.SaveChangesAsync();
        DepartmentTree.AssignPath(d, parent);
        await db.SaveChangesAsync();
        return d;
    }

    private static StaffMember Person(int org, string number, string first, string last, Department dept, string group, string role, string band,
        DateOnly start, bool patientContact, bool registered) => new()
    {
        OrganisationId = org, EmployeeNumber = number, FirstName = first, LastName = last,
        WorkEmail = $"{first}.{last}@test.example".ToLowerInvariant(), StartDate = start,
        Positions =
        [
            new Position
            {
                OrganisationId = org, AssignmentNumber = number, StaffGroupCode = group, JobRole = role, Band = band,
                DepartmentId = dept.Id, PatientContact = patientContact, RegisteredClinician = registered, StartDate = start,
            },
        ],
    };

    private static async Task<AppUser> UserAsync(UserManager<AppUser> users, string email, int org, int? staffId, params string[] roles)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, OrganisationId = org, StaffMemberId = staffId, DisplayName = email.Split('@')[0] };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRolesAsync(user, roles));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
