using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Requirements;

/// <summary>
/// Everything the rule engine needs for one organisation, loaded once: active rules with their
/// department paths, the competency catalogue, local refresher overrides and staff-group flags.
/// </summary>
public sealed class RequirementContext
{
    public required IReadOnlyList<RuleWithScope> Rules { get; init; }
    public required IReadOnlyDictionary<int, Competency> Competencies { get; init; }
    public required IReadOnlyDictionary<int, int> RefresherOverrides { get; init; }
    public required IReadOnlyDictionary<string, StaffGroup> StaffGroups { get; init; }

    public static async Task<RequirementContext> LoadAsync(AppDbContext db, int organisationId, CancellationToken cancellationToken = default)
    {
        var paths = await db.Departments.Where(d => d.OrganisationId == organisationId)
            .ToDictionaryAsync(d => d.Id, d => d.Path, cancellationToken);
        var rules = await db.RequirementRules.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.IsActive)
            .ToListAsync(cancellationToken);
        var competencies = await db.Competencies.AsNoTracking().Include(c => c.Subject)
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var overrides = await db.RefresherOverrides.Where(o => o.OrganisationId == organisationId)
            .ToDictionaryAsync(o => o.CompetencyId, o => o.Months, cancellationToken);
        var groups = await db.StaffGroups.AsNoTracking().ToDictionaryAsync(g => g.Code, cancellationToken);

        return new RequirementContext
        {
            Rules = rules.Select(r => new RuleWithScope(r, r.DepartmentId is int d && paths.TryGetValue(d, out var p) ? p : null)).ToList(),
            Competencies = competencies,
            RefresherOverrides = overrides,
            StaffGroups = groups,
        };
    }

    public PositionFacts Facts(Position position, string departmentPath) => new(
        position.Id,
        position.AssignmentNumber,
        position.StaffGroupCode,
        StaffGroups.TryGetValue(position.StaffGroupCode, out var g) && g.Clinical,
        position.JobRole,
        departmentPath,
        position.PatientContact,
        position.WorksWithChildren,
        position.RegisteredClinician,
        position.StartDate,
        position.EndDate);

    public IReadOnlyList<Requirement> Resolve(IEnumerable<PositionFacts> positions, DateOnly onDate) =>
        RequirementResolver.Resolve(positions, Rules, Competencies, RefresherOverrides, onDate);
}
