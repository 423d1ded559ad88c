using CareReady.Core.Analytics.Statistics;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Analytics;

/// <summary>A goal as a leader sends it.</summary>
/// <param name="AiLevel">Set (1–4) for an AI-capability goal ("60% of band 6+ nurses at level 2"); then no subject.</param>
/// <param name="StaffGroupCode">An AI-capability goal's staff group (e.g. NMR), or empty for everyone.</param>
/// <param name="MinBand">An AI-capability goal's lowest Agenda for Change band (e.g. 6), or empty for any.</param>
public sealed record GoalInput(string? Name, string? SubjectCode, string? UnitCode, decimal? TargetPercent, DateOnly? DueOn,
    int? AiLevel = null, string? StaffGroupCode = null, int? MinBand = null);

/// <summary>A goal with where it stands: compliance today, the straight-line forecast for the due day, and whether that meets the target.</summary>
/// <param name="SubjectName">The subject, or for an AI-capability goal what it counts ("AI &amp; digital capability level 2+ · Nursing… · band 6+").</param>
/// <param name="History">The goal's percentage at the end of each of the last six months (and today).</param>
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

        var ai = input.AiLevel is not null;
        var subject = ai || string.IsNullOrWhiteSpace(input.SubjectCode) ? null
            : (await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == null || s.OrganisationId == scope.OrganisationId).ToListAsync(cancellationToken))
                .FirstOrDefault(s => string.Equals(s.Code, input.SubjectCode.Trim(), StringComparison.OrdinalIgnoreCase));
        string? staffGroup = null;
        if (ai)
        {
            if (!string.IsNullOrWhiteSpace(input.SubjectCode))
            {
                errors["subjectCode"] = "no training subject for an AI-capability goal (it counts AI & digital capability levels)";
            }

            if (input.AiLevel is < 1 or > 4)
            {
                errors["aiLevel"] = "an AI & digital capability level from 1 to 4";
            }

            if (!string.IsNullOrWhiteSpace(input.StaffGroupCode))
            {
                staffGroup = await db.StaffGroups.AsNoTracking().Where(g => g.Code == input.StaffGroupCode.Trim().ToUpperInvariant()).Select(g => g.Code).FirstOrDefaultAsync(cancellationToken);
                if (staffGroup is null)
                {
                    errors["staffGroupCode"] = "the code of a staff group (e.g. NMR for registered nurses and midwives), or empty for everyone";
                }
            }

            if (input.MinBand is < 1 or > 9)
            {
                errors["minBand"] = "an Agenda for Change band from 1 to 9, or empty for any band";
            }
        }
        else
        {
            if (subject is null)
            {
                errors["subjectCode"] = "the code of a training subject, e.g. CSTF-IG (or an AI capability level for an AI-capability goal)";
            }

            if (!string.IsNullOrWhiteSpace(input.StaffGroupCode) || input.MinBand is not null)
            {
                errors["staffGroupCode"] = "no staff group or band for a subject goal (it counts everyone who needs the subject); set an AI capability level for a goal about a group";
            }
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
            OrganisationId = scope.OrganisationId, Name = name, Kind = ai ? GoalKind.AiCapability : GoalKind.SubjectCompliance,
            SubjectId = subject?.Id, AiLevel = input.AiLevel, StaffGroupCode = staffGroup, MinBand = ai ? input.MinBand : null, DepartmentId = departmentId,
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

        var groups = await db.StaffGroups.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Name, cancellationToken);
        var aiPercents = new Dictionary<int, IReadOnlyList<double?>>();
        foreach (var g in goals.Where(g => g.Kind == GoalKind.AiCapability))
        {
            aiPercents[g.Id] = await AiCapabilityShare.PercentsAsync(db, scope.OrganisationId, g, days, cancellationToken);
        }

        return goals.Select(g =>
        {
            var points = summaries.Select((s, i) => (s.Day, Percent: g.Kind == GoalKind.AiCapability ? aiPercents[g.Id][i] : Percent(s.Units, g)))
                .Where(p => p.Percent is not null).Select(p => (p.Day, p.Percent!.Value)).ToList();
            double? forecast = null;
            if (points.Count > 0)
            {
                var (a, b) = ImpactStatistics.Line(points.Select(p => (double)p.Day.DayNumber).ToList(), points.Select(p => p.Item2).ToList());
                forecast = Math.Round(Math.Clamp(a + (b * g.DueOn.DayNumber), 0, 100), 1);
            }

            var what = g.Kind == GoalKind.AiCapability
                ? $"AI & digital capability level {g.AiLevel}+" + (g.StaffGroupCode is { } code ? " · " + groups.GetValueOrDefault(code, code) : "") + (g.MinBand is int band ? $" · band {band}+" : "")
                : subjects.GetValueOrDefault(g.SubjectId ?? 0, "?");
            return new GoalProgress(g, what, g.DepartmentId is int d ? units.GetValueOrDefault(d, "?") : organisation,
                points.Count > 0 ? Math.Round(points[^1].Item2, 1) : null, forecast, points);
        }).ToList();
    }

    private static double? Percent(IReadOnlyList<UnitSummary> units, StrategicGoal goal)
    {
        var unit = units.FirstOrDefault(u => goal.DepartmentId is int d ? u.Kind == EngineUnitKind.Department && u.Id == d : u.Kind == EngineUnitKind.Organisation);
        return unit?.Subjects.FirstOrDefault(s => s.SubjectId == goal.SubjectId) is { Required: > 0 } t ? 100.0 * t.Compliant / t.Required : null;
    }
}
