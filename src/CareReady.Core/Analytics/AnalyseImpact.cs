using System.Text.Json;
using System.Text.Json.Serialization;
using CareReady.Core.Analytics.Statistics;
using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Analytics;

/// <summary>One period of the impact chart: mean compliance and mean measure of pushed units and of the others.</summary>
public sealed record ImpactPoint(DateOnly PeriodStart, string Label, double? PushedCompliance, double? OtherCompliance, double? PushedMeasure, double? OtherMeasure);

/// <summary>One unit's row in the impact table.</summary>
public sealed record ImpactUnitRow(string Code, string Name, bool Pushed, DateOnly? PushStarts, double ComplianceChange, double MeasureChange);

/// <summary>The impact view's answer for one measure and one subject.</summary>
public sealed record ImpactReport(
    PerformanceMeasure Measure,
    Subject Subject,
    string? UnitCode,
    int Periods,
    IReadOnlyList<ImpactPoint> Series,
    IReadOnlyList<ImpactUnitRow> Units,
    ImpactResult Result,
    IReadOnlyList<string> Interpretation)
{
    /// <summary>The one-line summary <c>careready report impact</c> prints and the API returns.</summary>
    public ImpactSummary Summary() => new(
        Measure.Code, Subject.Code, UnitCode, Units.Count, Periods,
        Round(Result.Association?.Value), Interval(Result.Association),
        Round(Result.DiD?.Effect.Value), Interval(Result.DiD?.Effect));

    private static double? Round(double? v) => v is double d ? Math.Round(d, 4) : null;

    private static double[]? Interval(Estimate? e) => e is { } x ? [Math.Round(x.Low, 4), Math.Round(x.High, 4)] : null;
}

/// <summary>The machine-readable result; JSON names are snake_case, as the CLI and the API print them.</summary>
public sealed record ImpactSummary(
    [property: JsonPropertyName("measure")] string Measure,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("unit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unit,
    [property: JsonPropertyName("units")] int Units,
    [property: JsonPropertyName("periods")] int Periods,
    [property: JsonPropertyName("association")] double? Association,
    [property: JsonPropertyName("association_ci95")] double[]? AssociationCi95,
    [property: JsonPropertyName("did_estimate")] double? DidEstimate,
    [property: JsonPropertyName("did_ci95")] double[]? DidCi95)
{
    /// <summary>The summary as one line of JSON (what <c>careready report impact</c> prints last).</summary>
    public string ToJson() => JsonSerializer.Serialize(this);
}

/// <summary>
/// The impact view: a measure and a training subject over time for the units in scope, the lagged
/// association across units and the difference-in-differences for units that received a push. Compliance
/// comes from the compliance engine (<see cref="ComplianceHistory"/>), the definition every other page uses.
/// </summary>
public sealed class AnalyseImpact(AppDbContext db, ComplianceHistory history, TimeProvider time)
{
    /// <exception cref="KeyNotFoundException">Unknown measure, subject or unit (or a unit out of scope).</exception>
    public async Task<ImpactReport> RunAsync(AnalyticsScope scope, string measureCode, string subjectCode, string? unitCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(measureCode);
        ArgumentNullException.ThrowIfNull(subjectCode);
        var measure = await db.PerformanceMeasures.AsNoTracking()
            .FirstOrDefaultAsync(m => m.OrganisationId == scope.OrganisationId && m.Code == measureCode.Trim(), cancellationToken)
            ?? await FindIgnoringCaseAsync(scope.OrganisationId, measureCode, cancellationToken)
            ?? throw new KeyNotFoundException($"No measure with code '{measureCode.Trim()}'.");
        var subjects = await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == null || s.OrganisationId == scope.OrganisationId).ToListAsync(cancellationToken);
        var subject = subjects.FirstOrDefault(s => string.Equals(s.Code, subjectCode.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"No training subject with code '{subjectCode.Trim()}'.");
        var departments = (await scope.DepartmentsAsync(db, unitCode, cancellationToken)).ToDictionary(d => d.Id);
        var ids = departments.Keys.ToList();

        var values = await db.MeasureValues.AsNoTracking()
            .Where(v => v.OrganisationId == scope.OrganisationId && v.MeasureId == measure.Id && ids.Contains(v.DepartmentId))
            .Select(v => new { v.DepartmentId, v.PeriodStart, v.Value })
            .ToListAsync(cancellationToken);
        var pushes = (await db.TrainingPushes.AsNoTracking()
                .Where(p => p.OrganisationId == scope.OrganisationId && p.SubjectId == subject.Id && ids.Contains(p.DepartmentId))
                .Select(p => new { p.DepartmentId, p.StartsOn })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.DepartmentId)
            .ToDictionary(g => g.Key, g => g.Min(p => p.StartsOn));

        var measureByUnit = values.GroupBy(v => v.DepartmentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<DateOnly, double>)g.ToDictionary(v => v.PeriodStart, v => v.Value));
        var periods = values.Select(v => v.PeriodStart).Distinct().Order().ToList();
        var window = measure.Period == MeasurePeriod.Month ? 3 : 1;
        var compliance = await ComplianceByPeriodAsync(scope.OrganisationId, subject.Id, measureByUnit.Keys, periods, measure.Period, window, cancellationToken);

        var result = ImpactCalculator.Run(new ImpactInput(measure.Period, measureByUnit, compliance, pushes, window));
        var series = periods.Select(p =>
        {
            double? Mean(bool pushed, bool measureSide)
            {
                var xs = measureByUnit.Keys.Where(u => pushes.ContainsKey(u) == pushed)
                    .Select(u => measureSide
                        ? (measureByUnit[u].TryGetValue(p, out var m) ? m : (double?)null)
                        : (compliance.TryGetValue(u, out var c) && c.TryGetValue(p, out var cv) ? cv : null))
                    .Where(x => x is not null).Select(x => x!.Value).ToList();
                return xs.Count == 0 ? null : Math.Round(xs.Average(), 2);
            }

            return new ImpactPoint(p, Analytics.Periods.Label(p, measure.Period), Mean(true, false), Mean(false, false), Mean(true, true), Mean(false, true));
        }).ToList();
        var rows = result.Units.Select(u => new ImpactUnitRow(departments[u.DepartmentId].Code, departments[u.DepartmentId].Name, u.Pushed,
                pushes.TryGetValue(u.DepartmentId, out var s) ? s : null, Math.Round(u.ComplianceChange, 2), Math.Round(u.MeasureChange, 3)))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new ImpactReport(measure, subject, string.IsNullOrWhiteSpace(unitCode) ? null : unitCode.Trim(), periods.Count, series, rows, result,
            ImpactWording.Describe(measure, subject, result));
    }

    /// <summary>Compliance (0–100) per unit at the end of each period (and of the periods before the first, for the changes), from the engine.</summary>
    private async Task<Dictionary<int, IReadOnlyDictionary<DateOnly, double>>> ComplianceByPeriodAsync(
        int organisationId, int subjectId, IEnumerable<int> units, List<DateOnly> periods, MeasurePeriod period, int window, CancellationToken cancellationToken)
    {
        var wanted = units.ToHashSet();
        var result = wanted.ToDictionary(u => u, _ => new Dictionary<DateOnly, double>());
        if (periods.Count == 0)
        {
            return result.ToDictionary(x => x.Key, x => (IReadOnlyDictionary<DateOnly, double>)x.Value);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var (p, day) in ImpactCompliance.PeriodDays(periods, period, window, today))
        {
            foreach (var (unit, percent) in ImpactCompliance.SubjectPercents(await history.AsOfAsync(db, organisationId, day, cancellationToken), subjectId, wanted))
            {
                result[unit][p] = percent;
            }
        }

        return result.ToDictionary(x => x.Key, x => (IReadOnlyDictionary<DateOnly, double>)x.Value);
    }

    private async Task<PerformanceMeasure?> FindIgnoringCaseAsync(int organisationId, string code, CancellationToken cancellationToken) =>
        (await db.PerformanceMeasures.AsNoTracking().Where(m => m.OrganisationId == organisationId).ToListAsync(cancellationToken))
            .FirstOrDefault(m => string.Equals(m.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
}
