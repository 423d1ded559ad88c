using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Requirements;

public sealed record RuleView(
    int Id, string Name, string CompetencyCode, string SubjectName, string CompetencyName, string Audience,
    string? StaffGroupCode, string? JobRole, string? DepartmentCode, bool? Clinical, bool? PatientContact,
    bool? WorksWithChildren, bool? RegisteredClinician, int GraceDays, int? FrameworkRefresherMonths,
    int? EffectiveRefresherMonths, string? RefresherJustification, bool IsActive, DateTime UpdatedAt, bool RequiresObservation = false);

/// <summary>The organisation's requirement rules in plain words, with the refresher period that applies.</summary>
public sealed class ListRequirementRules(AppDbContext db)
{
    /// <summary>One rule of the organisation, or null.</summary>
    public async Task<RuleView?> FindAsync(int organisationId, int ruleId, CancellationToken cancellationToken = default) =>
        await RunAsync(organisationId, ruleId, cancellationToken) is [var rule] ? rule : null;

    public async Task<IReadOnlyList<RuleView>> RunAsync(int organisationId, int? ruleId = null, CancellationToken cancellationToken = default)
    {
        var rules = await db.RequirementRules.AsNoTracking()
            .Include(r => r.Competency!).ThenInclude(c => c.Subject)
            .Where(r => r.OrganisationId == organisationId && (ruleId == null || r.Id == ruleId))
            .ToListAsync(cancellationToken);
        var departments = await db.Departments.Where(d => d.OrganisationId == organisationId)
            .ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name), cancellationToken);
        var groups = await db.StaffGroups.ToDictionaryAsync(g => g.Code, g => g.Name, cancellationToken);
        var overrides = await db.RefresherOverrides.Where(o => o.OrganisationId == organisationId)
            .ToDictionaryAsync(o => o.CompetencyId, cancellationToken);

        return rules
            .OrderBy(r => r.Competency!.Code, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r =>
            {
                var dept = r.DepartmentId is int d && departments.TryGetValue(d, out var x) ? x : ((string Code, string Name)?)null;
                var group = r.StaffGroupCode is not null && groups.TryGetValue(r.StaffGroupCode, out var g) ? g : null;
                overrides.TryGetValue(r.CompetencyId, out var o);
                return new RuleView(r.Id, r.Name, r.Competency!.Code, r.Competency.Subject?.Name ?? "", r.Competency.Name,
                    RuleMatcher.DescribeAudience(r, dept?.Name, group), r.StaffGroupCode, r.JobRole, dept?.Code,
                    r.Clinical, r.PatientContact, r.WorksWithChildren, r.RegisteredClinician, r.GraceDays,
                    r.Competency.DefaultRefresherMonths, o?.Months ?? r.Competency.DefaultRefresherMonths, o?.Justification,
                    r.IsActive, r.UpdatedAt, r.RequiresObservation);
            }).ToList();
    }
}
