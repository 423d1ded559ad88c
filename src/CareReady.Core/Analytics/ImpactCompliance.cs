using CareReady.Core.Compliance.Engine;

namespace CareReady.Core.Analytics;

/// <summary>How the impact view reads compliance per unit and period out of the engine's day summaries.</summary>
public static class ImpactCompliance
{
    /// <summary>
    /// The day each period's compliance is read on (its last day, or today for the current period), for the
    /// measure's periods and the <paramref name="window"/> periods before the first (needed for the changes).
    /// </summary>
    public static IReadOnlyList<(DateOnly Period, DateOnly Day)> PeriodDays(IReadOnlyList<DateOnly> periods, MeasurePeriod period, int window, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            return [];
        }

        var first = periods.Min();
        return Enumerable.Range(1, window).Select(i => Periods.Add(first, -i, period)).Concat(periods).Distinct().Order()
            .Select(p => (p, Day: Periods.EndOf(p, period) > today ? today : Periods.EndOf(p, period)))
            .Where(x => x.Day >= x.p)
            .ToList();
    }

    /// <summary>Compliance (0–100) in the subject for each wanted department in the summaries of one day; departments where nobody needs it are left out.</summary>
    public static IEnumerable<(int DepartmentId, double Percent)> SubjectPercents(IEnumerable<UnitSummary> summaries, int subjectId, IReadOnlySet<int> wanted)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(wanted);
        foreach (var unit in summaries)
        {
            if (unit.Kind == EngineUnitKind.Department && wanted.Contains(unit.Id)
                && unit.Subjects.FirstOrDefault(s => s.SubjectId == subjectId) is { Required: > 0 } total)
            {
                yield return (unit.Id, 100.0 * total.Compliant / total.Required);
            }
        }
    }
}
