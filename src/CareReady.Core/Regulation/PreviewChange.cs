using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation;

/// <summary>A module version that cites the superseded guideline version.</summary>
public sealed record CitingContent(int ModuleId, string Code, int VersionNumber, string Title, ModuleStatus Status);

/// <summary>A simulation scenario version that cites the superseded guideline version.</summary>
public sealed record CitingScenario(string Code, int VersionNumber, string Title, ModuleStatus Status);

public sealed record ImpactCount(string Key, string Name, int People);

/// <summary>
/// What a change touches: the content citing the old version, and the people whose current certification
/// rests on it, counted by department, staff group and competency. Before applying it is computed from
/// the records; once applied it is what was applied (the change's caps).
/// </summary>
public sealed record ChangeImpact(
    ChangeSummary Change, DateOnly Day, IReadOnlyList<CitingContent> Content, int People, int Certifications,
    IReadOnlyList<ImpactCount> ByDepartment, IReadOnlyList<ImpactCount> ByStaffGroup, IReadOnlyList<ImpactCount> ByCompetency,
    bool CanUndo)
{
    /// <summary>Simulation scenario versions citing the old version (their completions are not traced to it: see the page).</summary>
    public IReadOnlyList<CitingScenario> Scenarios { get; init; } = [];
}

/// <summary>One row of the downloadable list of affected people.</summary>
public sealed record AffectedPerson(
    string EmployeeNumber, string LastName, string FirstName, string Departments, string StaffGroups,
    string CompetencyCode, string Competency, DateOnly CompletedOn, string Module, int ModuleVersion);

public sealed class PreviewChange(AppDbContext db, TimeProvider time)
{
    /// <returns>Null when the change is not found in the caller's organisation or the caller may not manage changes.</returns>
    public async Task<ChangeImpact?> RunAsync(AccessScope scope, int changeId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var found = await FindAsync(scope, changeId, ct);
        if (found is null)
        {
            return null;
        }

        var (change, summary, rows, day, employedOnly) = found.Value;
        var citing = AffectedCertifications.CitingVersionIds(db, scope.OrganisationId, summary.Source, summary.FromVersion);
        var content = await db.ModuleVersions.Where(v => citing.Contains(v.Id))
            .OrderBy(v => v.Module!.Code).ThenBy(v => v.Number)
            .Select(v => new CitingContent(v.ModuleId, v.Module!.Code, v.Number, v.Title, v.Status))
            .ToListAsync(ct);
        var citingScenarios = db.ScenarioGuidelineCitations
            .Where(g => g.OrganisationId == scope.OrganisationId && g.Source == summary.Source && g.Version == summary.FromVersion)
            .Select(g => g.ScenarioVersionId);
        var scenarios = (await db.ScenarioVersions.Where(v => citingScenarios.Contains(v.Id))
            .Select(v => new CitingScenario(v.Scenario!.Code, v.Number, v.Title, v.Status)).ToListAsync(ct))
            .OrderBy(s => s.Code, StringComparer.Ordinal).ThenBy(s => s.VersionNumber).ToList();

        // Three range reads, joined here: the affected certifications, the organisation's people not employed today
        // (a few percent of its staff) and its current positions (the planner cannot know how many completions a
        // module version has, and probing staff and positions per row cost more than reading the organisation's once).
        var organisation = new[] { scope.OrganisationId };
        var affected = await rows.Select(r => new { r.CompletionId, r.StaffMemberId, r.CompetencyId }).ToListAsync(ct);
        if (employedOnly)
        {
            var away = (await AffectedCertifications.NotEmployed(db, organisation, day).ToListAsync(ct)).ToHashSet();
            affected = [.. affected.Where(r => !away.Contains(r.StaffMemberId))];
        }

        var positions = (await AffectedCertifications.CurrentPositions(db, organisation, day).ToListAsync(ct)).ToLookup(p => p.StaffMemberId);

        // One pass: people per department and staff group (a person once however many positions), certifications per competency.
        var people = new HashSet<int>();
        var certifications = new HashSet<long>();
        var departmentPeople = new Dictionary<int, HashSet<int>>();
        var groupPeople = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var competencyCounts = new Dictionary<int, int>();
        foreach (var r in affected)
        {
            people.Add(r.StaffMemberId);
            if (!certifications.Add(r.CompletionId))
            {
                continue;
            }

            competencyCounts[r.CompetencyId] = competencyCounts.GetValueOrDefault(r.CompetencyId) + 1;
            foreach (var p in positions[r.StaffMemberId])
            {
                Add(departmentPeople, p.DepartmentId, r.StaffMemberId);
                Add(groupPeople, p.StaffGroupCode, r.StaffMemberId);
            }
        }

        var byDepartment = departmentPeople.Select(d => new { d.Key, People = d.Value.Count }).ToList();
        var byGroup = groupPeople.Select(g => new { g.Key, People = g.Value.Count }).ToList();
        var byCompetency = competencyCounts.Select(c => new { c.Key, People = c.Value }).ToList();

        var departmentIds = byDepartment.Select(d => d.Key).ToList();
        var departments = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var groups = await db.StaffGroups.ToDictionaryAsync(g => g.Code, g => g.Name, ct);
        var competencyIds = byCompetency.Select(c => c.Key).ToList();
        var competencies = await db.Competencies.Where(c => competencyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), ct);

        return new ChangeImpact(summary, day, content, people.Count, certifications.Count,
            [.. byDepartment.Select(d => new ImpactCount(d.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), departments[d.Key], d.People)).OrderByDescending(d => d.People).ThenBy(d => d.Name, StringComparer.Ordinal)],
            [.. byGroup.Select(g => new ImpactCount(g.Key, groups.GetValueOrDefault(g.Key, g.Key), g.People)).OrderByDescending(g => g.People).ThenBy(g => g.Name, StringComparer.Ordinal)],
            [.. byCompetency.Select(c => new ImpactCount(competencies[c.Key].Code, competencies[c.Key].Name, c.People)).OrderBy(c => c.Key, StringComparer.Ordinal)],
            change.Status == ChangeStatus.Applied && !await UndoChange.AnyoneActedAsync(db, change, ct))
        {
            Scenarios = scenarios,
        };
    }

    private static void Add<TKey>(Dictionary<TKey, HashSet<int>> sets, TKey key, int staffMemberId)
        where TKey : notnull
    {
        if (!sets.TryGetValue(key, out var set))
        {
            sets[key] = set = [];
        }

        set.Add(staffMemberId);
    }

    /// <summary>The full list for download (ordered by name), same rows as the counts.</summary>
    public async Task<IReadOnlyList<AffectedPerson>?> ListAsync(AccessScope scope, int changeId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var found = await FindAsync(scope, changeId, ct);
        if (found is null)
        {
            return null;
        }

        var (_, _, rows, day, employedOnly) = found.Value;
        if (employedOnly)
        {
            rows = rows.Where(r => !AffectedCertifications.NotEmployed(db, new[] { scope.OrganisationId }, day).Contains(r.StaffMemberId));
        }

        var list = await (from r in rows
                          join s in db.Staff on r.StaffMemberId equals s.Id
                          join c in db.Competencies on r.CompetencyId equals c.Id
                          join v in db.ModuleVersions on r.ModuleVersionId equals v.Id
                          select new { s.Id, s.EmployeeNumber, s.LastName, s.FirstName, c.Code, c.Name, r.CompletedOn, Module = v.Module!.Code, v.Number })
            .ToListAsync(ct);
        var ids = list.Select(x => x.Id).Distinct().ToList();
        var positions = (await db.Positions.Where(p => ids.Contains(p.StaffMemberId) && p.StartDate <= day && (p.EndDate == null || p.EndDate > day))
                .Select(p => new { p.StaffMemberId, Department = p.Department!.Name, p.StaffGroupCode }).ToListAsync(ct))
            .ToLookup(p => p.StaffMemberId);
        return [.. list
            .OrderBy(x => x.LastName, StringComparer.Ordinal).ThenBy(x => x.FirstName, StringComparer.Ordinal).ThenBy(x => x.EmployeeNumber, StringComparer.Ordinal).ThenBy(x => x.Code, StringComparer.Ordinal)
            .Select(x => new AffectedPerson(x.EmployeeNumber, x.LastName, x.FirstName,
                string.Join("; ", positions[x.Id].Select(p => p.Department).Distinct().Order(StringComparer.Ordinal)),
                string.Join("; ", positions[x.Id].Select(p => p.StaffGroupCode).Distinct().Order(StringComparer.Ordinal)),
                x.Code, x.Name, x.CompletedOn, x.Module, x.Number))];
    }

    /// <returns>The rows and whether they still need the "employed on the day" test of <see cref="AffectedCertifications.Query"/> (not yet applied).</returns>
    private async Task<(RegulatoryChange Change, ChangeSummary Summary, IQueryable<AffectedCertification> Rows, DateOnly Day, bool EmployedOnly)?> FindAsync(
        AccessScope scope, int changeId, CancellationToken ct)
    {
        if (!RegulationAccess.CanManage(scope))
        {
            return null;
        }

        var change = await db.RegulatoryChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeId && c.OrganisationId == scope.OrganisationId, ct);
        if (change is null)
        {
            return null;
        }

        var summary = await ChangeSummary.Project(db.RegulatoryChanges.Where(c => c.Id == changeId)).FirstAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (change.Status is ChangeStatus.Applied or ChangeStatus.Undone && change.Action is ChangeAction.RequireUpdate or ChangeAction.ExpireNow)
        {
            var appliedAt = change.AppliedAt!.Value;
            var day = DateOnly.FromDateTime(appliedAt);
            var applied = from k in db.CertificationCaps
                          join c in db.Completions on k.CompletionId equals c.Id
                          where k.RegulatoryChangeId == changeId && k.CreatedAt <= appliedAt // not the later passes on old content
                          select new AffectedCertification
                          {
                              CompletionId = k.CompletionId, OrganisationId = k.OrganisationId, StaffMemberId = k.StaffMemberId, CompetencyId = k.CompetencyId,
                              CompletedOn = k.CompletedOn, ModuleVersionId = c.ModuleVersionId!.Value,
                          };
            return (change, summary, applied, day, false);
        }

        var citing = await AffectedCertifications.CitingVersionIds(db, scope.OrganisationId, summary.Source, summary.FromVersion).ToListAsync(ct);
        return (change, summary, AffectedCertifications.LatestOfVersions(db, scope.OrganisationId, citing), today, true);
    }
}
