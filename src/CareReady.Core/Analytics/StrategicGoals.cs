using CareReady.Core.Analytics.Statistics;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Analytics;

/// <summary>A goal as a leader sends it.</summary>
public sealed record GoalInput(string? Name, string? SubjectCode, string? UnitCode, decimal? TargetPercent, DateOnly? DueOn);

/// <summary>A goal with where it stands: compliance today, the straight-line forecast for the due day, and whether that meets the target.</summary>
/// <param name="History">Compliance at the end of each of the last six months (and today).</param>
public sealed record GoalProgress(StrategicGoal Goal, string SubjectName, string UnitName, double? CurrentPercent, double? ForecastPercent, IReadOnlyList<(DateOnly Day, double Percent)> History)
{
    public bool OnTrack => ForecastPercent is double f && f >= (double)Goal.TargetPercent;

    public bool Met => CurrentPercent is double c && c >= (double)Goal.TargetPercent;
}

/// <summary>
/// Strategic goals ("Information governance ≥ 95% by 31 March"): set by executives, compliance leads and
/// admins for the organisation or a unit; progress from the compliance engine; forecast by a least-squares
/// line through the last six month-ends, read at the due day and kept within 0–100.
/// </summary>
public sealed class StrategicGoals(AppDbContext db, ComplianceHistory history, TimeProvider time)
{
    public const int ForecastMonths = 6;

    public async Task<(StrategicGoal? Goal, IReadOnlyDictionary<string, string> Errors)> CreateAsync(AnalyticsScope scope, GoalInput input, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors["name"] = "a name of 1 to 200 characters, e.g. \"IG compliance ≥ 95% by 31 March\"";
        }

        var subject = string.IsNullOrWhiteSpace(input.SubjectCode) ? null
            : (await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == null || s.OrganisationId == scope.OrganisationId).ToListAsync(cancellationToken))
                .FirstOrDefault(s => string.Equals(s.Code, input.SubjectCode.Trim(), StringComparison.OrdinalIgnoreCase));
        if (subject is null)
        {
            errors["subjectCode"] = "the code of a training subject, e.g. CSTF-IG";
        }

        int? departmentId = null;
        if (!string.IsNullOrWhiteSpace(input.UnitCode))
        {
            var unit = (await scope.DepartmentsAsync(db, null, cancellationToken))
                .FirstOrDefault(d => string.Equals(d.Code, input.UnitCode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (unit is null)
            {
                errors["unitCode"] = "the code of a department you can see, or empty for the whole organisation";
            }

            departmentId = unit?.Id;
        }

        if (input.TargetPercent is not decimal target || target is <= 0 or > 100)
        {
            errors["targetPercent"] = "a target percentage above 0 and at most 100";
        }

        if (input.DueOn is not DateOnly due || due <= today)
        {
            errors["dueOn"] = "a due date after today";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var goal = new StrategicGoal
        {
            OrganisationId = scope.OrganisationId, Name = name, SubjectId = subject!.Id, DepartmentId = departmentId,
            TargetPercent = Math.Round(input.TargetPercent!.Value, 2), DueOn = input.DueOn!.Value, CreatedBy = actor, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.StrategicGoals.Add(goal);
        await db.SaveChangesAsync(cancellationToken);
        return (goal, errors);
    }

    /// <summary>The goals the user may see (organisation-wide goals only for those who see everything; unit goals for units in scope), with progress.</summary>
    public async Task<IReadOnlyList<GoalProgress>> ListAsync(AccessScope accessScope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accessScope);
        var scope = AnalyticsScope.For(accessScope);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var goals = (await db.StrategicGoals.AsNoTracking().Where(g => g.OrganisationId == scope.OrganisationId).OrderBy(g => g.DueOn).ThenBy(g => g.Id).ToListAsync(cancellationToken))
            .Where(g => g.DepartmentId is int d ? scope.CanSee(d) : scope.Everything).ToList();
        if (goals.Count == 0)
        {
            return [];
        }

        var subjects = await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var units = await db.Departments.AsNoTracking().Where(d => d.OrganisationId == scope.OrganisationId).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == scope.OrganisationId).Select(o => o.Name).FirstAsync(cancellationToken);
        var days = Enumerable.Range(1, ForecastMonths).Select(i => new DateOnly(today.Year, today.Month, 1).AddMonths(-i).AddMonths(1).AddDays(-1)).Reverse().Append(today).ToList();
        var summaries = new List<(DateOnly Day, IReadOnlyList<UnitSummary> Units)>();
        foreach (var day in days)
        {
            summaries.Add((day, await history.AsOfAsync(db, scope.OrganisationId, day, cancellationToken)));
        }

        return goals.Select(g =>
        {
            var points = summaries.Select(s => (s.Day, Percent: Percent(s.Units, g)))
                .Where(p => p.Percent is not null).Select(p => (p.Day, p.Percent!.Value)).ToList();
            double? forecast = null;
            if (points.Count > 0)
            {
                var (a, b) = ImpactStatistics.Line(points.Select(p => (double)p.Day.DayNumber).ToList(), points.Select(p => p.Item2).ToList());
                forecast = Math.Round(Math.Clamp(a + (b * g.DueOn.DayNumber), 0, 100), 1);
            }

            return new GoalProgress(g, subjects.GetValueOrDefault(g.SubjectId, "?"), g.DepartmentId is int d ? units.GetValueOrDefault(d, "?") : organisation,
                points.Count > 0 ? Math.Round(points[^1].Item2, 1) : null, forecast, points);
        }).ToList();
    }

    private static double? Percent(IReadOnlyList<UnitSummary> units, StrategicGoal goal)
    {
        var unit = units.FirstOrDefault(u => goal.DepartmentId is int d ? u.Kind == EngineUnitKind.Department && u.Id == d : u.Kind == EngineUnitKind.Organisation);
        return unit?.Subjects.FirstOrDefault(s => s.SubjectId == goal.SubjectId) is { Required: > 0 } t ? 100.0 * t.Compliant / t.Required : null;
    }
}
