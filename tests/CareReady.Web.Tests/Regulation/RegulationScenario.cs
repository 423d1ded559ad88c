using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Regulation;
using CareReady.Core.Workforce;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Regulation;

/// <summary>
/// Organisation A's BLS module (<see cref="TestModules"/>) cites the 2021 resuscitation guidelines; a fire
/// module cites another source. Whose certification rests on the 2021 guidelines is chosen so that each
/// way of not being affected is present once (test day 2 March 2026):
/// nurse A — latest BLS from the module (1 Nov 2025): affected;
/// nurse B — BLS from the module, then a later one recorded elsewhere: not affected;
/// the clerk — fire safety from the other module: not affected;
/// a leaver — BLS from the module, left in January: not affected;
/// organisation B's nurse — BLS from B's own module citing the same guideline: not affected (another organisation).
/// </summary>
public sealed class RegulationScenario
{
    public const string Source = "Resuscitation Council UK Guidelines";
    public const string OldVersion = "2021";
    public static readonly DateOnly NurseACompleted = new(2025, 11, 1);

    public int ModuleId { get; private set; }
    public int VersionId { get; private set; }
    public long NurseACompletionId { get; private set; }
    public int LeaverId { get; private set; }

    public static async Task<RegulationScenario> SeedAsync(TestApp app)
    {
        var scenario = new RegulationScenario();
        var (moduleId, versionId) = await TestModules.AddAsync(app, app.Data.OrgA);
        (scenario.ModuleId, scenario.VersionId) = (moduleId, versionId);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var competencies = await db.Competencies.ToDictionaryAsync(c => c.Code);
        db.Set<GuidelineCitation>().Add(new GuidelineCitation { ModuleVersionId = versionId, Source = Source, Version = OldVersion });

        var fire = new ModuleVersion
        {
            OrganisationId = app.Data.OrgA, Module = new Module { OrganisationId = app.Data.OrgA, Code = "FIRE-TEST" }, Number = 1,
            Status = ModuleStatus.Published, Title = "Fire safety", Summary = "Fire safety.", CreatedBy = "test",
            Guidelines = [new GuidelineCitation { Source = "Regulatory Reform (Fire Safety) Order 2005", Version = "2005, as amended" }],
        };
        var otherOrg = new ModuleVersion
        {
            OrganisationId = app.Data.OrgB, Module = new Module { OrganisationId = app.Data.OrgB, Code = "BLS-B" }, Number = 1,
            Status = ModuleStatus.Published, Title = "BLS", Summary = "BLS.", CreatedBy = "test",
            Guidelines = [new GuidelineCitation { Source = Source, Version = OldVersion }],
        };
        db.ModuleVersions.AddRange(fire, otherOrg);
        var leaver = new StaffMember
        {
            OrganisationId = app.Data.OrgA, EmployeeNumber = "10000009", FirstName = "Lee", LastName = "Vere", WorkEmail = "lee@a.example",
            StartDate = new DateOnly(2020, 1, 6), LeavingDate = new DateOnly(2026, 1, 31),
        };
        db.Staff.Add(leaver);
        await db.SaveChangesAsync();
        scenario.LeaverId = leaver.Id;

        Completion Done(int org, int staff, string competency, DateOnly on, int? version) => new()
        {
            OrganisationId = org, StaffMemberId = staff, CompetencyId = competencies[competency].Id, CompletedOn = on,
            Source = version is null ? CompletionSource.Historic : CompletionSource.Module, ModuleVersionId = version,
            RecordedAt = on.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
        };
        var nurseA = Done(app.Data.OrgA, app.Data.NurseA.Id, "CSTF-RES-2A", NurseACompleted, versionId);
        db.Completions.AddRange(
            nurseA,
            Done(app.Data.OrgA, app.Data.NurseB.Id, "CSTF-RES-2A", new DateOnly(2025, 6, 1), versionId),
            Done(app.Data.OrgA, app.Data.NurseB.Id, "CSTF-RES-2A", new DateOnly(2025, 9, 1), null),
            Done(app.Data.OrgA, app.Data.Clerk.Id, "CSTF-FIRE-1", new DateOnly(2025, 10, 1), fire.Id),
            Done(app.Data.OrgA, leaver.Id, "CSTF-RES-2A", new DateOnly(2025, 10, 1), versionId),
            Done(app.Data.OrgB, app.Data.OtherOrgNurse.Id, "CSTF-RES-2A", new DateOnly(2025, 10, 1), otherOrg.Id));
        await db.SaveChangesAsync();
        scenario.NurseACompletionId = nurseA.Id;

        var now = TestApp.DefaultNow.UtcDateTime;
        await GuidelineRegistrySync.EnsureAllAsync(db, app.Data.OrgA, now);
        await GuidelineRegistrySync.EnsureAllAsync(db, app.Data.OrgB, now);
        await db.SaveChangesAsync();
        return scenario;
    }
}
