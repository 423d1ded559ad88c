using System.Diagnostics;
using CareReady.Core.Audit;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Learning.Packages;
using CareReady.Core.Requirements;
using CareReady.Core.Workforce;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Demo;

/// <summary>
/// Writes the generated demo organisation (<see cref="DemoOrganisationGenerator"/>) into the database
/// and creates the demo sign-in accounts. Does nothing when organisation "RZZ" already exists.
/// Built for speed: small tables through EF, staff, positions and completions through prepared
/// multi-row inserts, all in one transaction; the accounts are created after it commits.
/// </summary>
public static class DemoSeeder
{
    public const string AccountDomain = "careready.example";
    public const string LearnerEmail = "learner@" + AccountDomain;
    public const string ManagerEmail = "manager@" + AccountDomain;
    public const string EducatorEmail = "educator@" + AccountDomain;
    public const string ComplianceEmail = "compliance@" + AccountDomain;
    public const string AdminEmail = "admin@" + AccountDomain;
    public const string ExecutiveEmail = "executive@" + AccountDomain;

    public static async Task<DemoSeedResult> SeedAsync(AppDbContext db, UserManager<AppUser> users, DemoOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(options);
        // Most rows bypass EF: instead of one audit entry per row the trail gets one "demo.seeded" summary.
        var audit = AuditInterceptor.For(db);
        using var quiet = audit?.Context.Suppress();
        var total = Stopwatch.StartNew();
        var steps = new List<DemoSeedStep>();
        var step = Stopwatch.StartNew();
        void Done(string name)
        {
            steps.Add(new DemoSeedStep(name, step.Elapsed));
            step.Restart();
        }

        var existing = await db.Organisations.AsNoTracking()
            .Where(o => o.Code == DemoOrganisationGenerator.OrganisationCode).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (existing is int existingId)
        {
            return new DemoSeedResult(false, $"The demo organisation {DemoOrganisationGenerator.OrganisationCode} already exists; nothing was changed.",
                existingId, 0, 0, 0, 0, 0, 0, [], [], total.Elapsed);
        }

        await DemoAccounts.CheckPasswordAsync(users, options.Password);
        var catalogue = await db.Competencies.AsNoTracking().Include(c => c.Subject).ToListAsync(ct);
        if (catalogue.Count == 0)
        {
            throw new InvalidOperationException("The competency catalogue is empty: run the database migration (which loads the reference data) before seeding the demo.");
        }

        var demo = DemoOrganisationGenerator.Generate(options.Seed, options.StaffCount, options.Today, catalogue);
        Done("generate");

        await DemoAccounts.EnsureRolesAsync(db, users, ct);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        Organisation organisation;
        Dictionary<int, Department> departments;
        Dictionary<int, int> staffIds;
        try
        {
            var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                organisation = new Organisation { Code = demo.Organisation.Code, Name = demo.Organisation.Name };
                db.Organisations.Add(organisation);
                await db.SaveChangesAsync(ct);
                var orgId = organisation.Id;

                var sites = demo.Sites.ToDictionary(s => s.Id, s => new Site { OrganisationId = orgId, Code = s.Code, Name = s.Name });
                db.Sites.AddRange(sites.Values);
                await db.SaveChangesAsync(ct);

                departments = await InsertDepartmentsAsync(db, demo, orgId, sites, ct);
                Done("organisation, sites, departments");

                var staffRows = demo.Staff.Select(s => new StaffMember
                {
                    OrganisationId = orgId, EmployeeNumber = s.EmployeeNumber, FirstName = s.FirstName, LastName = s.LastName,
                    WorkEmail = s.WorkEmail, StartDate = s.StartDate, LeavingDate = s.LeavingDate,
                    RegistrationBody = s.RegistrationBody, RegistrationNumber = s.RegistrationNumber,
                }).ToList();
                await BulkInsert.InsertAsync(db, staffRows, BatchRows(db), ct);
                var byNumber = await db.Staff.AsNoTracking().Where(s => s.OrganisationId == orgId)
                    .Select(s => new { s.Id, s.EmployeeNumber }).ToDictionaryAsync(s => s.EmployeeNumber, s => s.Id, ct);
                staffIds = demo.Staff.ToDictionary(s => s.Id, s => byNumber[s.EmployeeNumber]);
                Done("staff");

                var positionRows = demo.Positions.Select(p => new Position
                {
                    OrganisationId = orgId, StaffMemberId = staffIds[p.StaffMemberId], AssignmentNumber = p.AssignmentNumber,
                    StaffGroupCode = p.StaffGroupCode, JobRole = p.JobRole, Band = p.Band, DepartmentId = departments[p.DepartmentId].Id,
                    PatientContact = p.PatientContact, WorksWithChildren = p.WorksWithChildren, RegisteredClinician = p.RegisteredClinician,
                    StartDate = p.StartDate, EndDate = p.EndDate,
                }).ToList();
                await BulkInsert.InsertAsync(db, positionRows, BatchRows(db), ct);
                Done("positions");

                db.RequirementRules.AddRange(demo.Rules.Select(r => new RequirementRule
                {
                    OrganisationId = orgId, Name = r.Name, CompetencyId = r.CompetencyId, StaffGroupCode = r.StaffGroupCode, JobRole = r.JobRole,
                    DepartmentId = r.DepartmentId is int d ? departments[d].Id : null, Clinical = r.Clinical, PatientContact = r.PatientContact,
                    WorksWithChildren = r.WorksWithChildren, RegisteredClinician = r.RegisteredClinician, GraceDays = r.GraceDays,
                    IsActive = r.IsActive, UpdatedAt = r.UpdatedAt, UpdatedBy = r.UpdatedBy,
                }));
                db.RefresherOverrides.AddRange(demo.RefresherOverrides.Select(o => new RefresherOverride
                {
                    OrganisationId = orgId, CompetencyId = o.CompetencyId, Months = o.Months, Justification = o.Justification,
                    RecordedBy = o.RecordedBy, RecordedAt = o.RecordedAt,
                }));
                db.SubjectTargets.AddRange(demo.SubjectTargets.Select(t => new SubjectTarget
                {
                    OrganisationId = orgId, SubjectId = t.SubjectId, TargetPercent = t.TargetPercent,
                }));
                await db.SaveChangesAsync(ct);
                Done("rules, override, targets");

                var completionRows = demo.Completions.Select(c => new Completion
                {
                    OrganisationId = orgId, StaffMemberId = staffIds[c.StaffMemberId], CompetencyId = c.CompetencyId,
                    CompletedOn = c.CompletedOn, Source = c.Source, Reference = c.Reference,
                    RecordedBy = "demo", RecordedAt = c.CompletedOn.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc),
                }).ToList();
                LatestCompletions.MarkNew(completionRows);
                await BulkInsert.InsertAsync(db, completionRows, BatchRows(db), ct);
                Done("completions");

                await SeedImpactAsync(db, demo.Impact, orgId, departments, ct);
                Done("measures and training pushes");

                if (ownTransaction is not null)
                {
                    await ownTransaction.CommitAsync(ct);
                }

                Done("commit");
            }
            finally
            {
                if (ownTransaction is not null)
                {
                    await ownTransaction.DisposeAsync();
                }
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        var accounts = await DemoAccounts.CreateAsync(db, users, demo, organisation.Id, departments, staffIds, options.Password, options.Today, ct);
        Done("accounts");

        // The seed modules, published, so "My learning" has real content to offer from the first sign-in.
        await new SeedContent(new ImportContentPackage(db, TimeProvider.System)).ImportAllAsync(organisation.Id, "demo", ct);
        await DemoModuleHistory.AttributeAsync(db, organisation.Id, options.Today.AddMonths(-18), ct);

        // The six seed clinical simulations (content/scenarios), published.
        await Simulation.SeedScenarios.PublishAsync(db, TimeProvider.System, organisation.Id, "demo", ct);
        Done("content");
        await DemoPathways.SeedAsync(db, organisation.Id, options.Today, ct);
        Done("pathways");

        if (audit is not null)
        {
            await audit.RecordAsync(db, [new AuditRecord(organisation.Id, AuditActions.DemoSeeded, nameof(Organisation),
                organisation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, AuditJson.Object([
                    new("Seed", options.Seed), new("Sites", demo.Sites.Count), new("Departments", demo.Departments.Count),
                    new("Staff", demo.Staff.Count), new("Positions", demo.Positions.Count()), new("Rules", demo.Rules.Count),
                    new("Completions", demo.Completions.Count), new("Accounts", accounts.Count)]))], ct);
        }

        return new DemoSeedResult(true,
            $"Created the demo organisation {organisation.Name} ({organisation.Code}).",
            organisation.Id, demo.Sites.Count, demo.Departments.Count, demo.Staff.Count, demo.Positions.Count(),
            demo.Rules.Count, demo.Completions.Count, accounts, steps, total.Elapsed);
    }

    /// <summary>The performance measures (with their planted effects) and the training pushes behind them.</summary>
    private static async Task SeedImpactAsync(AppDbContext db, DemoImpactPlan plan, int orgId, Dictionary<int, Department> departments, CancellationToken ct)
    {
        foreach (var m in plan.Measures)
        {
            var measure = new Analytics.PerformanceMeasure
            {
                OrganisationId = orgId, Code = m.Measure.Code, Name = m.Measure.Name, Definition = m.Measure.Definition, Unit = m.Measure.Unit,
                HigherIsBetter = m.Measure.HigherIsBetter, Period = m.Measure.Period,
            };
            db.PerformanceMeasures.Add(measure);
            await db.SaveChangesAsync(ct);
            db.MeasureValues.AddRange(m.Values.Select(v => new Analytics.MeasureValue
            {
                OrganisationId = orgId, MeasureId = measure.Id, DepartmentId = departments[v.DepartmentId].Id, PeriodStart = v.PeriodStart, Value = v.Value,
            }));
            await db.SaveChangesAsync(ct);
        }

        db.TrainingPushes.AddRange(plan.Pushes.Where(p => p.SubjectId != 0).Select(p => new Analytics.TrainingPush
        {
            OrganisationId = orgId, SubjectId = p.SubjectId, DepartmentId = departments[p.DepartmentId].Id, StartsOn = p.StartsOn, Note = p.Note,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Rows per insert command. SQLite looks named parameters up linearly, so it is fastest with small
    /// commands (measured: 16–32 rows); PostgreSQL gains from fewer round trips.
    /// </summary>
    private static int BatchRows(AppDbContext db) => db.Database.IsSqlite() ? 32 : 500;

    /// <summary>Parents before children, level by level; then the materialised paths once every id exists.</summary>
    private static async Task<Dictionary<int, Department>> InsertDepartmentsAsync(
        AppDbContext db, DemoOrganisation demo, int orgId, Dictionary<int, Site> sites, CancellationToken ct)
    {
        var map = new Dictionary<int, Department>();
        foreach (var level in demo.Departments.GroupBy(d => d.Path.Count(ch => ch == '/')).OrderBy(g => g.Key))
        {
            foreach (var d in level)
            {
                var row = new Department
                {
                    OrganisationId = orgId, Code = d.Code, Name = d.Name, Kind = d.Kind,
                    SiteId = d.SiteId is int s ? sites[s].Id : null,
                    ParentId = d.ParentId is int p ? map[p].Id : null,
                };
                map[d.Id] = row;
                db.Departments.Add(row);
            }

            await db.SaveChangesAsync(ct);
        }

        foreach (var d in demo.Departments)
        {
            DepartmentTree.AssignPath(map[d.Id], d.ParentId is int p ? map[p] : null);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return map;
    }
}
