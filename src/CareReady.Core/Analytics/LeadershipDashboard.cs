using CareReady.Core.Competencies;
using CareReady.Core.Compliance;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Analytics;

/// <summary>
/// Builds the leadership dashboard for what the user may see. Compliance figures come from the compliance
/// code only: trend, heatmap and risk exposure from the engine's unit totals (<see cref="ComplianceHistory"/>;
/// risk from its patient-facing totals). A manager's
/// focus is their managed units; an executive's the organisation, or any unit they choose.
/// </summary>
public sealed class LeadershipDashboard(AppDbContext db, ComplianceHistory history, SimulationReliance reliance, TimeProvider time)
{
    public const int TrendMonths = 12;
    public const int EngagementDays = 90;

    /// <param name="scope">The signed-in user's scope.</param>
    /// <param name="unitCode">Focus on this department and everything below it; null for everything the user may see.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="KeyNotFoundException">The unit does not exist or is not visible.</exception>
    public async Task<Dashboard> BuildAsync(AccessScope scope, string? unitCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var analytics = AnalyticsScope.For(scope);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var visible = await analytics.DepartmentsAsync(db, unitCode, cancellationToken);
        var focus = string.IsNullOrWhiteSpace(unitCode) ? null : visible.OrderBy(d => d.Path.Length).First();
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == scope.OrganisationId, cancellationToken);
        var rows = RowUnits(analytics, visible, focus);
        var focusIds = FocusIds(analytics, visible, focus);
        var focusName = focus?.Name ?? (analytics.Everything ? organisation.Name : string.Join(", ", visible.Where(d => focusIds.Contains(d.Id)).Select(d => d.Name)));

        var subjects = await SubjectsAsync(scope.OrganisationId, cancellationToken);
        var trend = new List<TrendMonth>();
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-(TrendMonths - 1));
        for (var m = 0; m < TrendMonths; m++)
        {
            var month = start.AddMonths(m);
            var day = month.AddMonths(1).AddDays(-1);
            day = day > today ? today : day;
            var summaries = await history.AsOfAsync(db, scope.OrganisationId, day, cancellationToken);
            trend.Add(new TrendMonth(day, month.ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
                Sum(summaries.Where(s => focusIds.Count == 0 ? s.Kind == EngineUnitKind.Organisation : s.Kind == EngineUnitKind.Department && focusIds.Contains(s.Id)))));
        }

        var todays = (await history.AsOfAsync(db, scope.OrganisationId, today, cancellationToken))
            .Where(s => s.Kind == EngineUnitKind.Department).ToDictionary(s => s.Id);
        var heatmap = rows.Select(u => new HeatmapRow(u, todays.TryGetValue(u.Id, out var s) ? Sum([s]) : new Dictionary<int, ComplianceFigure>())).ToList();
        var shownSubjects = subjects.Where(s => trend.Any(t => t.BySubject.ContainsKey(s.Id)) || heatmap.Any(h => h.BySubject.ContainsKey(s.Id))).ToList();

        var risk = Risk(rows, subjects, todays);
        var people = await CurrentPeopleAsync(scope.OrganisationId, rows, visible, today, cancellationToken);
        var simulations = await reliance.PerUnitAsync(scope.OrganisationId, people, cancellationToken);
        var ai = await AiReadinessAsync(scope.OrganisationId, rows, people, simulations, cancellationToken);
        var engagement = await EngagementAsync(scope.OrganisationId, rows, people, today, cancellationToken);
        var simulation = rows.Select(r =>
        {
            var (players, runs, summary, _) = simulations[r.Id];
            return new SimulationRow(r, players, runs, summary.Cases, summary.AccuracyWhenAiRight, summary.AccuracyWhenAiWrong, summary.OverRelianceRate, summary.UnderRelianceRate);
        }).ToList();
        return new Dashboard(focusName, today, shownSubjects, trend, heatmap, risk, ai, engagement, simulation);
    }

    /// <summary>The units tables are broken down by: the organisation's departments (not divisions or wards), or the focus and what is below it.</summary>
    private static List<DashboardUnit> RowUnits(AnalyticsScope scope, List<Department> visible, Department? focus)
    {
        var chosen = focus is null && scope.Everything
            ? visible.Where(d => d.Kind == DepartmentKind.Department)
            : visible.Where(d => d.Kind != DepartmentKind.Division || (focus is not null && d.Id == focus.Id));
        return chosen.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new DashboardUnit(d.Id, d.Code, d.Name, d.Path)).ToList();
    }

    /// <summary>Departments whose totals make the trend: none (the organisation's) for everything; the focus; or a manager's top managed units.</summary>
    private static HashSet<int> FocusIds(AnalyticsScope scope, List<Department> visible, Department? focus)
    {
        if (focus is not null)
        {
            return [focus.Id];
        }

        if (scope.Everything)
        {
            return [];
        }

        var ids = visible.Select(d => d.Id).ToHashSet();
        return visible.Where(d => d.ParentId is not int p || !ids.Contains(p)).Select(d => d.Id).ToHashSet();
    }

    private static Dictionary<int, ComplianceFigure> Sum(IEnumerable<UnitSummary> summaries)
    {
        var totals = new Dictionary<int, ComplianceFigure>();
        foreach (var s in summaries.SelectMany(u => u.Subjects))
        {
            totals[s.SubjectId] = totals.TryGetValue(s.SubjectId, out var t)
                ? new ComplianceFigure(t.Required + s.Required, t.Compliant + s.Compliant)
                : new ComplianceFigure(s.Required, s.Compliant);
        }

        return totals;
    }

    private async Task<List<DashboardSubject>> SubjectsAsync(int organisationId, CancellationToken cancellationToken)
    {
        var targets = await db.SubjectTargets.AsNoTracking().Where(t => t.OrganisationId == organisationId)
            .ToDictionaryAsync(t => t.SubjectId, t => t.TargetPercent, cancellationToken);
        var subjects = await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == null || s.OrganisationId == organisationId)
            .OrderBy(s => s.FrameworkCode).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        return subjects.Select(s => new DashboardSubject(s.Id, s.Code, s.Name, targets.TryGetValue(s.Id, out var t) ? t : SubjectTarget.DefaultPercent, PatientSafetyWeights.For(s.Code))).ToList();
    }

    /// <summary>Risk exposure per row unit from the engine's patient-facing totals of today (see <see cref="PatientFacingSummary"/>).</summary>
    private static List<RiskRow> Risk(List<DashboardUnit> rows, List<DashboardSubject> subjects, Dictionary<int, UnitSummary> todays)
    {
        var weights = subjects.ToDictionary(s => s.Id, s => s.SafetyWeight);
        return rows.Select(r =>
            {
                var facing = todays.TryGetValue(r.Id, out var s) ? s.PatientFacing : new PatientFacingSummary(0, 0, []);
                return new RiskRow(r, facing.People, facing.WithGaps, facing.Gaps.Sum(g => g.NotCompliant * weights.GetValueOrDefault(g.SubjectId, 1)));
            })
            .OrderByDescending(r => r.PerTenPeople ?? -1).ThenBy(r => r.Unit.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Staff employed today with a current position in each row unit (or below it).</summary>
    private async Task<Dictionary<int, HashSet<int>>> CurrentPeopleAsync(int organisationId, List<DashboardUnit> rows, List<Department> visible, DateOnly today, CancellationToken cancellationToken)
    {
        var positions = await db.Positions.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && p.StartDate <= today && (p.EndDate == null || p.EndDate > today))
            .Join(db.Staff.Where(s => s.OrganisationId == organisationId && s.StartDate <= today && (s.LeavingDate == null || s.LeavingDate > today)), p => p.StaffMemberId, s => s.Id, (p, s) => new { p.StaffMemberId, p.DepartmentId })
            .ToListAsync(cancellationToken);
        var paths = visible.ToDictionary(d => d.Id, d => d.Path);
        var rowsOfDepartment = paths.ToDictionary(d => d.Key, d => rows.Where(r => DepartmentTree.IsWithin(d.Value, r.Path)).Select(r => r.Id).ToList());
        var people = rows.ToDictionary(r => r.Id, _ => new HashSet<int>());
        foreach (var p in positions)
        {
            foreach (var row in rowsOfDepartment.GetValueOrDefault(p.DepartmentId) ?? [])
            {
                people[row].Add(p.StaffMemberId);
            }
        }

        return people;
    }

    /// <summary>Per staff member: the row units they count in (the inverse of <see cref="CurrentPeopleAsync"/>).</summary>
    private static Dictionary<int, List<int>> RowsOf(Dictionary<int, HashSet<int>> people)
    {
        var rows = new Dictionary<int, List<int>>();
        foreach (var (row, staff) in people)
        {
            foreach (var s in staff)
            {
                if (!rows.TryGetValue(s, out var list))
                {
                    rows[s] = list = [];
                }

                list.Add(row);
            }
        }

        return rows;
    }

    private async Task<List<AiReadinessRow>> AiReadinessAsync(int organisationId, List<DashboardUnit> rows, Dictionary<int, HashSet<int>> people,
        IReadOnlyDictionary<int, UnitSimulation> simulations, CancellationToken cancellationToken)
    {
        var aiLevels = await db.Competencies.AsNoTracking().Where(k => k.Subject!.FrameworkCode == ReferenceCatalogue.AiFrameworkCode)
            .ToDictionaryAsync(k => k.Id, k => k.Level, cancellationToken);
        var ai = aiLevels.Keys.ToList();
        var levels = (await db.Completions.AsNoTracking()
                .Where(c => c.OrganisationId == organisationId && c.IsLatest && ai.Contains(c.CompetencyId))
                .Select(c => new { c.StaffMemberId, c.CompetencyId })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.StaffMemberId).ToDictionary(g => g.Key, g => g.Max(x => aiLevels[x.CompetencyId]));
        return rows.Select(r =>
        {
            var staff = people[r.Id];
            return new AiReadinessRow(r, staff.Count,
                staff.Count(s => levels.GetValueOrDefault(s) >= 1), staff.Count(s => levels.GetValueOrDefault(s) >= 2),
                simulations[r.Id].Score);
        }).ToList();
    }

    private async Task<List<EngagementRow>> EngagementAsync(int organisationId, List<DashboardUnit> rows, Dictionary<int, HashSet<int>> people, DateOnly today, CancellationToken cancellationToken)
    {
        var since = today.AddDays(-EngagementDays);
        var sinceTime = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var completions = await db.Completions.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.CompletedOn > since && c.CompletedOn <= today)
            .GroupBy(c => new { c.StaffMemberId, c.ModuleVersionId })
            .Select(g => new { g.Key.StaffMemberId, g.Key.ModuleVersionId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var minutes = await db.ModuleVersions.AsNoTracking().Where(v => v.OrganisationId == organisationId)
            .ToDictionaryAsync(v => v.Id, v => v.EstimatedMinutes, cancellationToken);
        var progress = await db.LearningProgress.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && p.UpdatedAt >= sinceTime)
            .Select(p => new { p.StaffMemberId, p.ModuleVersionId, p.StartedAt })
            .ToListAsync(cancellationToken);
        var passed = completions.Where(c => c.ModuleVersionId != null).Select(c => (c.StaffMemberId, c.ModuleVersionId!.Value)).ToHashSet();

        var index = rows.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var rowsOf = RowsOf(people);
        var tally = new (int Completions, int Minutes, int Started, int Completed)[rows.Count];
        var active = rows.Select(_ => new HashSet<int>()).ToArray();
        foreach (var c in completions)
        {
            foreach (var row in rowsOf.GetValueOrDefault(c.StaffMemberId) ?? [])
            {
                var t = tally[index[row]];
                var each = c.ModuleVersionId is int v ? minutes.GetValueOrDefault(v) : 0;
                tally[index[row]] = (t.Completions + c.Count, t.Minutes + (each * c.Count), t.Started, t.Completed);
                active[index[row]].Add(c.StaffMemberId);
            }
        }

        foreach (var p in progress)
        {
            foreach (var row in rowsOf.GetValueOrDefault(p.StaffMemberId) ?? [])
            {
                active[index[row]].Add(p.StaffMemberId);
                if (p.StartedAt >= sinceTime)
                {
                    var t = tally[index[row]];
                    tally[index[row]] = (t.Completions, t.Minutes, t.Started + 1, t.Completed + (passed.Contains((p.StaffMemberId, p.ModuleVersionId)) ? 1 : 0));
                }
            }
        }

        return rows.Select((r, i) => new EngagementRow(r, people[r.Id].Count, active[i].Count, tally[i].Completions, tally[i].Minutes, tally[i].Started, tally[i].Completed)).ToList();
    }
}
