using System.Diagnostics;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Compliance.Engine;

/// <summary>
/// Loads the engine from the database: small tables whole, the big ones (staff, positions, completions)
/// streamed with projections and no change tracking, straight into the builder's columns.
/// </summary>
public static class ComplianceEngineLoader
{
    /// <param name="db">The context (either provider).</param>
    /// <param name="organisationIds">Only these organisations (e.g. the shard this node serves); null for all.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public static async Task<ComplianceEngine> LoadAsync(AppDbContext db, IReadOnlyCollection<int>? organisationIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try
        {
            var orgs = await db.Organisations.AsNoTracking().Where(o => organisationIds == null || organisationIds.Contains(o.Id))
                .ToListAsync(cancellationToken);
            var ids = orgs.Select(o => o.Id).ToList();
            var competencies = await db.Competencies.AsNoTracking().ToListAsync(cancellationToken);
            var groups = await db.StaffGroups.AsNoTracking().ToListAsync(cancellationToken);
            var staffCount = await db.Staff.CountAsync(s => ids.Contains(s.OrganisationId), cancellationToken);
            var completionCount = await db.Completions.LongCountAsync(c => ids.Contains(c.OrganisationId), cancellationToken);
            var builder = new ComplianceEngineBuilder(competencies, groups, staffCount + 16, (int)Math.Min(int.MaxValue - 64, completionCount + 16));

            var rules = (await db.RequirementRules.AsNoTracking().Where(r => ids.Contains(r.OrganisationId) && r.IsActive).ToListAsync(cancellationToken))
                .ToLookup(r => r.OrganisationId);
            var overrides = (await db.RefresherOverrides.AsNoTracking().Where(o => ids.Contains(o.OrganisationId)).ToListAsync(cancellationToken))
                .ToLookup(o => o.OrganisationId);
            foreach (var o in orgs)
            {
                builder.AddOrganisation(o.Id, o.RenewalWindowDays, rules[o.Id], overrides[o.Id].ToDictionary(x => x.CompetencyId, x => x.Months));
            }

            await foreach (var d in db.Departments.AsNoTracking().Where(d => ids.Contains(d.OrganisationId)).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                builder.AddDepartment(d.Id, d.OrganisationId, d.ParentId, d.SiteId, d.Path, d.Kind);
            }

            await foreach (var s in db.Staff.AsNoTracking().Where(s => ids.Contains(s.OrganisationId))
                               .Select(s => new { s.Id, s.OrganisationId, s.StartDate, s.LeavingDate }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                builder.AddStaff(s.Id, s.OrganisationId, s.StartDate, s.LeavingDate);
            }

            await foreach (var p in db.Positions.AsNoTracking().Where(p => ids.Contains(p.OrganisationId))
                               .Select(p => new { p.StaffMemberId, p.StaffGroupCode, p.JobRole, p.DepartmentId, p.PatientContact, p.WorksWithChildren, p.RegisteredClinician, p.StartDate, p.EndDate })
                               .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                builder.AddPosition(p.StaffMemberId, p.StaffGroupCode, p.JobRole, p.DepartmentId, p.PatientContact, p.WorksWithChildren, p.RegisteredClinician, p.StartDate, p.EndDate);
            }

            await foreach (var c in db.Completions.AsNoTracking().Where(c => ids.Contains(c.OrganisationId))
                               .Select(c => new { c.StaffMemberId, c.OrganisationId, c.CompetencyId, c.CompletedOn })
                               .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                builder.AddCompletion(c.StaffMemberId, c.OrganisationId, c.CompetencyId, c.CompletedOn);
            }

            await foreach (var e in db.Exemptions.AsNoTracking().Where(e => ids.Contains(e.OrganisationId) && e.RevokedAt == null)
                               .Select(e => new { e.StaffMemberId, e.OrganisationId, e.CompetencyId, e.StartsOn, e.EndsOn })
                               .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                builder.AddExemption(e.StaffMemberId, e.OrganisationId, e.CompetencyId, e.StartsOn, e.EndsOn);
            }

            await foreach (var k in db.CertificationCaps.AsNoTracking().Where(k => ids.Contains(k.OrganisationId) && k.RevokedAt == null)
                               .GroupBy(k => new { k.CompletionId, k.StaffMemberId, k.OrganisationId, k.CompetencyId, k.CompletedOn })
                               .Select(g => new { g.Key.StaffMemberId, g.Key.OrganisationId, g.Key.CompetencyId, g.Key.CompletedOn, Until = g.Min(k => k.ValidUntil) })
                               .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                builder.AddCap(k.StaffMemberId, k.OrganisationId, k.CompetencyId, k.CompletedOn, k.Until);
            }

            var engine = builder.Build();
            Debug.Assert(engine.PeopleCount == staffCount, "every staff member is loaded");
            return engine;
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }
}
